/**
 * Every error the API can answer, with its HTTP status and the words a person reads.
 * The server maps AppError codes to HTTP here; the web shows `zh` (or `en`) for a code.
 */
export const errorCatalog = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的内容不符合要求，请检查后重试',
    en: 'The request is not valid',
  },
  INVALID_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已暂时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled' },
  TOTP_REQUIRED: { status: 401, zh: '请输入动态验证码', en: 'Enter your one-time code' },
  TOTP_INVALID: { status: 401, zh: '动态验证码错误', en: 'Wrong one-time code' },
  TOTP_NOT_PENDING: { status: 409, zh: '请先开始绑定动态验证码', en: 'Start two-factor enrolment first' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You may not do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'That username is taken' },
  ORG_NAME_TAKEN: {
    status: 409,
    zh: '该辖区内已有同名机构',
    en: 'An organisation with that name exists here',
  },
  REGION_OUT_OF_SCOPE: {
    status: 403,
    zh: '所选辖区超出您的管辖范围',
    en: 'That region is outside your jurisdiction',
  },
  ROLE_NOT_ASSIGNABLE: { status: 403, zh: '您不能授予该角色', en: 'You may not grant that role' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  LOCATION_REQUIRED: {
    status: 400,
    zh: '请提供位置：使用定位或填写地址',
    en: 'Give a location: GPS or an address',
  },
  DETAILS_REQUIRED: {
    status: 400,
    zh: '请描述看到的情况或至少选择一项',
    en: 'Describe what you saw or pick at least one item',
  },
  INVALID_TRANSITION: {
    status: 409,
    zh: '线索当前状态不允许此操作',
    en: 'The lead cannot move to that state from here',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    zh: '幂等键已用于另一条不同的内容',
    en: 'This Idempotency-Key was already used with a different body',
  },
  INVALID_API_KEY: { status: 401, zh: '接口密钥无效或已停用', en: 'Invalid or revoked API key' },
  LEAD_ALREADY_DISPATCHED: {
    status: 409,
    zh: '该线索已派给其他救助队',
    en: 'This lead has already been dispatched to a team',
  },
  TEAM_NAME_TAKEN: { status: 409, zh: '该辖区内已有同名救助队', en: 'A team with that name exists here' },
  RESIDENT_ID_INVALID: {
    status: 400,
    zh: '身份证号码无效（请核对位数、出生日期和最后一位校验码）',
    en: 'Invalid resident ID number (check its length, birth date and check digit)',
  },
  OVERRIDE_REFUSED: {
    status: 422,
    zh: '不能改为该救助类别',
    en: 'The assistance category cannot be changed to that',
  },
  SHIFT_ALREADY_OPEN: {
    status: 409,
    zh: '本队已在巡查中，请先结束当前班次',
    en: 'The team is already on a shift',
  },
  NO_OPEN_SHIFT: { status: 409, zh: '本队当前没有进行中的巡查班次', en: 'The team has no shift in progress' },
  PERSON_MERGE_INVALID: {
    status: 409,
    zh: '无法合并：档案相同、已被合并或不在本辖区',
    en: 'Cannot merge: the same record, already merged, or outside the jurisdiction',
  },
  PERSON_NOT_MERGED: { status: 409, zh: '该档案没有被合并，无需撤销', en: 'This record is not merged' },
  HOTSPOT_NAME_TAKEN: {
    status: 409,
    zh: '该辖区内已有同名重点区域',
    en: 'A hotspot with that name exists here',
  },
  SHELTER_NAME_TAKEN: { status: 409, zh: '该辖区内已有同名场所', en: 'A shelter with that name exists here' },
  SHELTER_INVALID_TRANSITION: {
    status: 409,
    zh: '该场所当前状态不允许此操作',
    en: 'The shelter cannot do that from its current status',
  },
  SHELTER_NOT_OPEN: {
    status: 409,
    zh: '场所未开放，不能登记在场人数',
    en: 'The shelter is not open; no occupancy can be recorded',
  },
  SHELTER_NOT_COUNTED: {
    status: 409,
    zh: '该场所没有座位或床位，不登记在场人数',
    en: 'This place has no seats or beds and counts no occupancy',
  },
  OCCUPANCY_OUT_OF_RANGE: {
    status: 400,
    zh: '在场人数不合理（不能为负数，也不能超过容量的 1.5 倍）',
    en: 'Implausible occupancy (never negative, at most 1.5 × the capacity)',
  },
  NOT_SHELTER_KEEPER: { status: 403, zh: '您不是该场所的管理员', en: 'You do not keep this shelter' },
  TEAM_NOT_AVAILABLE: {
    status: 409,
    zh: '该救助队当前不可派单（不在岗或正在出勤）',
    en: 'That team is not available for dispatch',
  },
  DISPATCH_NOT_ACTIVE: {
    status: 409,
    zh: '该派单已结束或状态不允许此操作',
    en: 'This assignment is over or cannot do that now',
  },
  NOT_TEAM_MEMBER: { status: 403, zh: '您不是该救助队成员', en: 'You are not a member of that team' },
  PHOTO_INVALID: {
    status: 415,
    zh: '照片格式不支持，请上传 JPG、PNG、WebP 或 HEIC 照片',
    en: 'Unsupported photo; send JPEG, PNG, WebP or HEIC',
  },
  PHOTO_TOO_LARGE: {
    status: 413,
    zh: '照片过大（单张不超过 10 MB、不超过 4000 万像素）',
    en: 'Photo too large (at most 10 MB and 40 megapixels each)',
  },
  TOO_MANY_PHOTOS: { status: 400, zh: '最多上传 3 张照片', en: 'At most 3 photos' },
  STAY_STATE: {
    status: 409,
    zh: '该受助人员当前状态不允许此操作',
    en: 'The stay is not in a state that allows this',
  },
  ZONE_FULL: { status: 409, zh: '该分区已无空床位', en: 'No free bed in that zone' },
  PDF_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体，无法生成表单',
    en: 'The server has no CJK font for printed forms',
  },
  BED_TAKEN: { status: 409, zh: '该床位已有人', en: 'That bed is taken' },
  ZONE_OCCUPIED: {
    status: 409,
    zh: '分区内床位有人或有使用记录，不能减到该数量',
    en: 'Beds in that zone are in use; it cannot shrink that far',
  },
  DISCHARGE_REFUSED: { status: 409, zh: '不符合离站条件', en: 'This discharge is not allowed' },
  EXTENSION_NOT_NEEDED: {
    status: 409,
    zh: '该受助人员不受 10 天期限限制，无需延期',
    en: 'No limit applies to this stay; nothing to extend',
  },
  PHOTO_REASON_REQUIRED: {
    status: 400,
    zh: '查看未成年人照片须填写事由',
    en: "State why you open a minor's photo",
  },
  SENTINEL_PHONE_TAKEN: {
    status: 409,
    zh: '该手机号已注册为信息哨点',
    en: 'That phone number is already registered as a sentinel',
  },
  INVALID_SENTINEL_TOKEN: {
    status: 401,
    zh: '哨点身份无效，请重新注册',
    en: 'Unknown sentinel; please register again',
  },
  SENTINEL_NOT_APPROVED: {
    status: 403,
    zh: '哨点尚未通过审核或已被暂停',
    en: 'This sentinel is not approved (yet) or is suspended',
  },
  STOCK_INSUFFICIENT: {
    status: 409,
    zh: '库存不足，本次出库未执行',
    en: 'Not enough stock; nothing was moved',
  },
  SUPPLY_ITEM_NAME_TAKEN: { status: 409, zh: '物资目录中已有同名物品', en: 'An item with that name exists' },
  SUPPLY_PLACE_NAME_TAKEN: {
    status: 409,
    zh: '该辖区内已有同名物资存放点',
    en: 'A supply place with that name exists here',
  },
  SUPPLY_PLACE_LINK_INVALID: {
    status: 400,
    zh: '巡查车须关联本辖区的巡查队，救助站须关联救助管理站',
    en: 'A patrol vehicle belongs to a team in the region, a station store to a rescue station',
  },
  SUPPLY_SAME_PLACE: { status: 400, zh: '调出和调入不能是同一地点', en: 'From and to are the same place' },
  SUPPLY_KIT_INVALID: {
    status: 400,
    zh: '组合包须由其他非组合包物品组成',
    en: 'A kit is made of other items that are not kits',
  },
  SUPPLY_NOT_A_KIT: { status: 400, zh: '该物品不是组合包，不能组装', en: 'That item is not a kit' },
  SUPPLY_PLACE_NOT_YOURS: {
    status: 403,
    zh: '只能从本站的物资库发放',
    en: 'You may hand out only from your own station’s store',
  },
  DISCREPANCY_RESOLVED: { status: 409, zh: '该账实不符已处理', en: 'This discrepancy is already resolved' },
  IMPORT_FILE_INVALID: {
    status: 400,
    zh: '无法读取文件，请上传 Excel（.xlsx）文件',
    en: 'Cannot read the file; send an Excel (.xlsx) workbook',
  },
  IMPORT_ROWS_INVALID: {
    status: 422,
    zh: '导入文件中有错误，未导入任何数据，请按提示修改后重新导入',
    en: 'The file has errors; nothing was imported',
  },
  CAP_INVALID: {
    status: 400,
    zh: '不是有效的 CAP 1.2 预警文件',
    en: 'Not a valid CAP 1.2 alert',
  },
  CAP_NOT_ACTUAL: {
    status: 422,
    zh: '这是测试或演练预警（status 不是 Actual），未入库',
    en: 'A test or exercise alert (status is not Actual); not stored',
  },
  CAP_SIGNATURE_INVALID: {
    status: 401,
    zh: '推送签名无效',
    en: 'The push signature is invalid',
  },
  PROPOSAL_DECIDED: {
    status: 409,
    zh: '该建议已处理（已确认、不采纳或因预警变化撤回），请刷新',
    en: 'That proposal has been decided or withdrawn already',
  },
  RESPONSE_ENDED: { status: 409, zh: '该应急响应已终止', en: 'That response has ended' },
  TASK_NOT_OPEN: { status: 409, zh: '该任务已完成或已取消', en: 'That task is done or cancelled' },
  TASK_NOT_YOURS: {
    status: 403,
    zh: '该任务由其他岗位负责，您不能办结',
    en: 'That task belongs to another role',
  },
  RESPONSE_TABLE_INVALID: {
    status: 400,
    zh: '对应表有误：每条规则须至少有一个条件，级别须为 Ⅳ—Ⅰ 级',
    en: 'Every rule needs a condition and a level IV to I',
  },
  WARNING_TIMES_INVALID: {
    status: 400,
    zh: '预警的解除（失效）时间须晚于生效时间',
    en: 'A warning must expire after it takes effect',
  },
  CAMPAIGN_DATES_INVALID: {
    status: 400,
    zh: '行动结束日期不能早于开始日期，且一次行动不超过一年',
    en: 'A campaign ends on or after its start, and lasts at most a year',
  },
  CAMPAIGN_EXTEND_NOT_LATER: {
    status: 409,
    zh: '延期后的结束日期须晚于原结束日期',
    en: 'The new end date must be later than the current one',
  },
  CAMPAIGN_READ_ONLY: {
    status: 403,
    zh: '上级部署的专项行动只能查看，不能修改',
    en: 'A campaign set by a higher level is read-only here',
  },
  REGION_NOT_IN_CAMPAIGN: {
    status: 400,
    zh: '该地区不在本次专项行动范围内，或不是报送单位（县区、市）',
    en: 'That region is not in the campaign, or does not file returns (counties and cities do)',
  },
  PERIOD_NOT_IN_CALENDAR: {
    status: 400,
    zh: '该报送期不在本次行动的报送日历中',
    en: 'That period is not in the campaign’s reporting calendar',
  },
  PERIOD_NOT_ENDED: {
    status: 409,
    zh: '报送期尚未结束，暂不能生成报表',
    en: 'The period has not ended yet',
  },
  SUBMISSION_NOT_OWN_REGION: {
    status: 403,
    zh: '只能填报、报送本级的报表',
    en: 'You may fill in and submit your own region’s return only',
  },
  SUBMISSION_NOT_EDITABLE: {
    status: 409,
    zh: '报表已报送或已审核通过，不能再修改',
    en: 'The return is submitted or approved and can no longer change',
  },
  SUBMISSION_NOT_SUBMITTED: {
    status: 409,
    zh: '报表当前不是待审核状态，不能审核',
    en: 'The return is not waiting for review',
  },
  FILLED_BY_REQUIRED: { status: 400, zh: '报送前请填写填报人', en: 'Name who filled in the return first' },
  REVIEW_NOT_PARENT: {
    status: 403,
    zh: '只有上一级民政部门可以审核该报表',
    en: 'Only the parent region’s bureau reviews this return',
  },
  RETURN_COMMENT_REQUIRED: {
    status: 400,
    zh: '退回报表须填写退回意见',
    en: 'Say why the return is sent back',
  },
  DUTY_SLOT_UNKNOWN: { status: 400, zh: '没有这个值班班次', en: 'No such duty slot' },
  DUTY_RANGE_TOO_LONG: {
    status: 400,
    zh: '查询的日期范围过长（最多 62 天）',
    en: 'The date range is too long (62 days at most)',
  },
  DUTY_NOT_OWN_STATION: {
    status: 403,
    zh: '只能安排本站的值班',
    en: 'You may arrange your own station’s duty roster only',
  },
  DUTY_PERSON_NOT_ELIGIBLE: {
    status: 400,
    zh: '该人员不在本辖区或本机构，不能排班',
    en: 'That person is not in this jurisdiction or organisation',
  },
  DUTY_DAY_PAST: {
    status: 409,
    zh: '已过去的值班日不能再修改',
    en: 'A past day’s roster can no longer change',
  },
  DUTY_NOT_ON_ROSTER: {
    status: 403,
    zh: '只有当班人员或值班管理人员可以填写、确认交接班',
    en: 'Only those on duty or managing the roster may write or acknowledge a handover',
  },
  DUTY_ALREADY_ASSIGNED: { status: 409, zh: '该人员已在这个班次', en: 'That person is already on this slot' },
  DUTY_HANDOVER_ACKNOWLEDGED: {
    status: 409,
    zh: '该交接班记录已确认接班',
    en: 'This handover has already been acknowledged',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  DATABASE_DOWN: { status: 503, zh: '数据库暂时不可用', en: 'The database is unavailable' },
  INTERNAL: { status: 500, zh: '系统内部错误，请稍后再试', en: 'Internal error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in errorCatalog;
}

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; details?: unknown };
}
