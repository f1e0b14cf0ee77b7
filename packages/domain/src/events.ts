/**
 * Every action the event log records, `<entity>.<past-tense verb>`, with the words a
 * person reads. The server can only record actions listed here (the type says so), and
 * campaign figures will be defined as counts over these names — so a name means one thing.
 */
export const eventActions = {
  'auth.logged_in': { zh: '登录', en: 'Signed in' },
  'auth.logged_out': { zh: '退出登录', en: 'Signed out' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'user.created': { zh: '新建用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User updated' },
  'user.disabled': { zh: '停用用户', en: 'User disabled' },
  'user.locked': { zh: '账号被锁定', en: 'Account locked' },
  'user.unlocked': { zh: '解锁用户', en: 'User unlocked' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'user.totp_enabled': { zh: '启用两步验证', en: 'Two-step turned on' },
  'user.totp_reset': { zh: '重置两步验证', en: 'Second factor reset' },
  'user.phone_viewed': { zh: '查看联系电话', en: 'Phone number viewed' },
  'org.created': { zh: '新建机构', en: 'Organisation created' },
  'org.updated': { zh: '修改机构', en: 'Organisation updated' },
  'lead.received': { zh: '收到线索', en: 'Lead received' },
  'lead.triaged': { zh: '研判线索', en: 'Lead triaged' },
  'lead.quarantined': { zh: '隔离疑似广告', en: 'Lead quarantined as spam' },
  'lead.restored': { zh: '恢复线索', en: 'Lead restored' },
  'lead.merged': { zh: '合并重复线索', en: 'Lead merged as duplicate' },
  'lead.closed': { zh: '关闭线索', en: 'Lead closed' },
  'lead.reporter_phone_viewed': { zh: '查看上报人电话', en: 'Reporter phone viewed' },
  'lead.photo_viewed': { zh: '查看线索照片', en: 'Lead photo viewed' },
  'lead.dispatched': { zh: '派单', en: 'Lead dispatched to a team' },
  'lead.returned': { zh: '退回待派', en: 'Lead returned to the queue' },
  'lead.on_scene': { zh: '救助队到场', en: 'Team on scene' },
  'lead.resolved': { zh: '已找到并救助', en: 'Found and helped' },
  'lead.not_found': { zh: '到场未找到', en: 'Not found on scene' },
  'lead.accepted': { zh: '救助队接单', en: 'Team accepted the lead' },
  'team.created': { zh: '新建救助分队', en: 'Team created' },
  'team.updated': { zh: '修改救助分队', en: 'Team updated' },
  'team.status_changed': { zh: '分队状态变更', en: 'Team status changed' },
  'team.located': { zh: '分队位置上报', en: 'Team position reported' },
  'shift.started': { zh: '开始巡查', en: 'Shift started' },
  'shift.ended': { zh: '结束巡查', en: 'Shift ended' },
  'hotspot.created': { zh: '新建重点区域', en: 'Hotspot created' },
  'hotspot.updated': { zh: '修改重点区域', en: 'Hotspot updated' },
  'hotspot.checked_in': { zh: '重点区域打卡', en: 'Hotspot check-in' },
  'person.created': { zh: '新建受助人员档案', en: 'Person record created' },
  'person.merged': { zh: '合并受助人员档案', en: 'Person records merged' },
  'person.unmerged': { zh: '撤销合并受助人员档案', en: 'Person merge undone' },
  'encounter.recorded': { zh: '记录街面救助', en: 'Encounter recorded' },
  'encounter.category_overridden': { zh: '更改救助类别', en: 'Assistance category overridden' },
  'encounter.photo_added': { zh: '上传街面救助照片', en: 'Encounter photo added' },
  'encounter.photo_viewed': { zh: '查看街面救助照片', en: 'Encounter photo viewed' },
  'handover.requested': { zh: '转送（待入站 / 送医）', en: 'Hand-over requested' },
  'lead.encounter_linked': { zh: '现场记录街面救助', en: 'Encounter recorded for this lead' },
  'alert.raised': { zh: '发出督办提醒', en: 'Alert raised' },
  'alert.acknowledged': { zh: '确认督办提醒', en: 'Alert acknowledged' },
  'sentinel.registered': { zh: '信息哨点申请注册', en: 'Sentinel registered' },
  'sentinel.approved': { zh: '批准信息哨点', en: 'Sentinel approved' },
  'sentinel.rejected': { zh: '驳回信息哨点', en: 'Sentinel rejected' },
  'sentinel.suspended': { zh: '暂停信息哨点', en: 'Sentinel suspended' },
  'sentinel.phone_viewed': { zh: '查看哨点电话', en: 'Sentinel phone viewed' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type EventAction = keyof typeof eventActions;

export function isEventAction(action: string): action is EventAction {
  return action in eventActions;
}
