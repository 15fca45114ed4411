// Two dictionaries, zh (default) and en; the choice is remembered in localStorage.
const DICT = {
  zh: {
    skip: '跳到正文', switchTo: 'English', switchLabel: 'Switch to English', logout: '退出',
    navHome: '我的孩子', navQueue: '接诊队列', navOps: '运维',
    loginTitle: '登录', username: '用户名', password: '密码', login: '登录', loggingIn: '正在登录…',
    idleLoggedOut: '您已 15 分钟没有操作，为保护孩子的信息已自动退出登录。请重新登录。',
    loading: '正在加载…', back: '返回', save: '保存', yes: '是', no: '否', none: '无', required: '必填',
    errorTitle: '出错了', errorNetwork: '无法连接服务器，请检查网络后重试。', errorFields: '请修改以下内容：',
    myChildren: '我的孩子', born: '出生', consultations: '问诊记录', noConsultations: '还没有问诊。',
    newConsultation: '发起问诊', child: '孩子', specialty: '专科', chooseSpecialty: '选择专科',
    noSpecialties: '目前没有可用的专科。', questionnaire: '问诊前评估', submitAssessment: '提交评估',
    submitting: '正在提交…', photos: '照片', uploadPhotos: '选择照片（JPEG 或 PNG）', uploading: '正在上传…',
    uploaded: '已上传 {n} 张', remove: '删除', addEntry: '添加一条', entry: '第 {n} 条',
    triageResult: '分诊结果', reasons: '原因', advice: '建议',
    level_REMOTE_OK: '适合线上问诊', level_IN_PERSON: '需要线下就诊', level_EMERGENCY: '紧急：请立即就医',
    emergencyCall: '请拨打 120 或立即前往最近的急诊。',
    bookNow: '预约医生', booking: '预约', freeSlots: '可预约时段', noSlots: '暂无可预约时段。', book: '预约',
    physician: '医生', bookedFor: '已预约：{t}', enterWaitingRoom: '进入候诊室', waitingRoom: '候诊室',
    waitingText: '您和孩子已在候诊室。医生接诊后即可开始视频。', joinCall: '进入视频问诊', refresh: '刷新',
    summary: '问诊小结', diagnosis: '诊断', plan: '处理方案', referral: '转诊', referralReason: '转诊原因',
    referralFacility: '转诊机构', state: '状态', scheduledAt: '预约时间', open: '打开', cancel: '取消问诊',
    state_REQUESTED: '已申请', state_ASSESSED: '已评估', state_SCHEDULED: '已预约', state_WAITING: '候诊中',
    state_IN_PROGRESS: '问诊中', state_PAUSED: '已暂停', state_COMPLETED: '已完成', state_REFERRED: '已转诊',
    state_CANCELLED: '已取消', state_NO_SHOW: '未到诊',
    specialtyUnavailable: '该专科暂不可用',
    queueTitle: '接诊队列', today: '今天', upcoming: '之后', earlier: '其他', noQueue: '没有问诊。', triage: '分诊',
    consultView: '问诊', assessment: '评估内容', history: '既往问诊', growthChart: '生长曲线',
    indicator: '指标', noMeasurements: '没有测量数据。', admitAttest: '接入并确认监护人在场',
    attestNote: '确认：监护人与孩子在场，身份已核对。', attestedBy: '监护人在场确认：{who}，{t}',
    completeConsult: '完成问诊', endAndRefer: '结束并转诊', call: '视频通话', guardianPresent: '监护人在场',
    done: '已保存', opsTitle: '运维', installedSpecialties: '已安装的专科', health: '系统状态',
    hl7Channels: 'HL7 通道', name: '名称', direction: '方向', port: '端口', status: '状态', counts: '计数',
    hl7Unavailable: 'HL7 桥接未安装。', callTitle: '视频问诊', lobby: '在候诊室等待医生接入…',
    admitted: '医生已接入。', connecting: '正在连接…', peerLeft: '对方已离开。', inCall: '已接通。', consultPaused: '监护人已离开，问诊已暂停。',
    consultResumed: '监护人已返回，问诊继续。', summaryLink: '查看问诊结果', callClosed: '问诊已结束（{r}）。',
    hangUp: '挂断', admitFromLobby: '接入监护人', localVideo: '本地画面', remoteVideo: '对方画面',
    audioOnly: '仅语音', quality: '通话质量', cameraError: '无法打开摄像头或麦克风：{e}',
    reconnecting: '网络中断，正在重新连接…', callRefused: '无法进入视频间：{r}', callElsewhere: '您已在另一个窗口或设备上进入本次视频问诊。',
    tryVideo: '重新开启视频', audioOnlyPoor: '网络无法维持视频，已切换为仅语音，通话继续。网络好转后可点击“重新开启视频”。',
    audioOnlyUser: '您已关闭视频，通话以语音继续。', remoteAudioOnlyPoor: '对方网络无法维持视频，已切换为仅语音。',
    remoteAudioOnlyUser: '对方已关闭视频，通话以语音继续。', qualityRemote: '监护人的画面', qualityOwn: '我的画面',
    rating_good: '良好', rating_fair: '一般', rating_poor: '较差', loss: '丢包',
    dateTime: '{d}', age: '年龄', sex: '性别', sex_MALE: '男', sex_FEMALE: '女', sex_UNKNOWN: '未知',
    ind_weight: '年龄别体重', ind_height: '年龄别身长/身高', ind_bmi: '年龄别 BMI', ind_head: '年龄别头围', ind_wfh: '身长/身高别体重',
    chartLabel: '{ind}：孩子的测量值与 WHO 参考曲线（z = -3 到 +3）',
    installedBundles: '已安装的模块', symbolicName: '模块名', version: '版本', bundlesUnavailable: '模块列表不可用。',
    // accounts: sign-up, password, children, front desk, staff logins, development inbox
    navDesk: '身份核验', navAccounts: '账号', navPassword: '修改密码', usernameHint: '家长请用注册时的手机号登录',
    forgotPassword: '忘记密码？', newFamily: '第一次使用？', signUp: '注册', signUpTitle: '家长注册',
    signUpIntro: '用手机号注册。注册后医院会核验您的身份和与孩子的关系，核验通过即可预约医生；核验前您已可以填写问诊前评估。',
    mobile: '手机号', mobileHint: '11 位手机号，验证码会以短信发到这个号码', sendCode: '获取验证码', sending: '正在发送…',
    codeSent: '验证码已发送', codeSentHint: '验证码已发送，5 分钟内有效。', sendAgainIn: '{s} 秒后可重发', sendAgain: '重新发送',
    code: '短信验证码', newPassword: '新密码', passwordHint: '至少 8 位，不要包含手机号；可以用一句好记的话',
    familyName: '姓', givenName: '名', realNameHint: '请填写与证件一致的真实姓名', idType: '证件类型', idValue: '证件号码',
    idHint: '医院前台会核对证件原件', id_RESIDENT_ID: '居民身份证', id_PASSPORT: '护照', id_HK_MACAO_PERMIT: '港澳居民来往内地通行证',
    id_TAIWAN_PERMIT: '台湾居民来往大陆通行证', id_FOREIGN_PERMANENT_RESIDENT_ID: '外国人永久居留身份证',
    verifyLater: '提交后，医院会核验您的身份；核验结果会显示在“我的孩子”页面。', haveAccount: '已有账号，去登录',
    resetTitle: '重置密码', resetPassword: '重置密码', resetCodeSent: '如果这个手机号已注册，验证码已发送，5 分钟内有效。',
    backToLogin: '返回登录', changePasswordTitle: '修改密码', changePassword: '修改密码', currentPassword: '当前密码',
    temporaryPasswordNote: '您正在使用管理员给的临时密码，请先设置自己的密码。',
    identityPending: '身份待核验', identityPendingHelp: '医院前台正在核验您的身份。核验前您可以添加孩子、填写问诊前评估，但还不能预约医生。',
    identityRefused: '身份核验未通过', identityRefusedHelp: '如证件信息填错了，可以在下面改正，改正后会重新排队核验；也可以带证件原件到医院前台。',
    correctId: '改正证件信息', refusedBefore: '曾不通过：{reason}',
    relationshipPending: '与孩子的关系待医院核验', relationshipRefused: '与孩子的关系核验未通过：{reason}',
    noChildren: '还没有添加孩子。', addChild: '添加孩子', childFamilyName: '孩子的姓', childGivenName: '孩子的名',
    birthDate: '出生日期', relationship: '您是孩子的', rel_MOTHER: '母亲', rel_FATHER: '父亲', rel_GRANDPARENT: '祖父母/外祖父母',
    rel_LEGAL_GUARDIAN: '法定监护人', relationshipLater: '医院会核验您与孩子的关系（如出生医学证明、户口簿）。',
    saving: '正在保存…', deskTitle: '身份核验', pendingIdentities: '待核验的家长身份（{n}）', pendingRelationships: '待核验的监护关系（{n}）',
    nothingPending: '没有待核验的。', deskIdentityHelp: '请核对证件原件与姓名、号码一致。', verify: '核验通过', refuse: '不通过',
    refuseReason: '不通过的原因（家长会看到）', verifiedDone: '已核验', refusedDone: '已记录不通过', guardianVerified: '家长身份已核验',
    guardianNotVerified: '家长身份尚未核验', accountsTitle: '账号管理', newStaffAccount: '新建工作人员账号', staffAccounts: '工作人员账号',
    physicianLogins: '医生账号', loginName: '登录名', personName: '姓名', role: '角色', createAccount: '创建账号',
    staffPhoneHint: '可选：用于找回密码', temporaryPasswordShown: '{who} 的临时密码（只显示这一次，首次登录须修改）：',
    disabled: '已停用', temporaryPassword: '临时密码', active: '正常', disable: '停用', enable: '启用',
    disableReason: '停用原因', newTemporaryPassword: '重设临时密码', hasLogin: '已有账号', createLogin: '创建登录账号',
    role_PHARMACIST: '药师', role_COURIER: '配送员', role_FRONT_DESK: '前台', role_AUDITOR: '审计员', role_BILLING: '结算',
    role_INTEGRATION_ADMIN: '系统管理员', role_GUARDIAN: '家长', role_PHYSICIAN: '医生',
    devInbox: '开发收件箱', devInboxHelp: '演示环境不发真实短信：验证码等短信都在这里。', inboxEmpty: '没有短信。',
    demoInboxNotice: '短信验证码不会发到手机，管理员可在“账号 › 开发收件箱”查看。',
    demoNotice: '演示模式：这里只有虚构的演示数据，演示账号的密码是公开的。请勿输入真实患者的信息。',
  },
  en: {
    skip: 'Skip to content', switchTo: '中文', switchLabel: '切换到中文', logout: 'Log out',
    navHome: 'My children', navQueue: 'Queue', navOps: 'Operations',
    loginTitle: 'Log in', username: 'User name', password: 'Password', login: 'Log in', loggingIn: 'Logging in…',
    idleLoggedOut: 'You were logged out after 15 minutes without activity, to protect the children\'s records. Please log in again.',
    loading: 'Loading…', back: 'Back', save: 'Save', yes: 'Yes', no: 'No', none: 'None', required: 'required',
    errorTitle: 'Something went wrong', errorNetwork: 'The server cannot be reached. Check the network and try again.', errorFields: 'Please correct the following:',
    myChildren: 'My children', born: 'born', consultations: 'Consultations', noConsultations: 'No consultations yet.',
    newConsultation: 'Start a consultation', child: 'Child', specialty: 'Specialty', chooseSpecialty: 'Choose a specialty',
    noSpecialties: 'No specialty is available right now.', questionnaire: 'Pre-consultation assessment', submitAssessment: 'Submit the assessment',
    submitting: 'Submitting…', photos: 'Photos', uploadPhotos: 'Choose photos (JPEG or PNG)', uploading: 'Uploading…',
    uploaded: '{n} uploaded', remove: 'Remove', addEntry: 'Add an entry', entry: 'Entry {n}',
    triageResult: 'Triage result', reasons: 'Reasons', advice: 'Advice',
    level_REMOTE_OK: 'Suitable for an online consultation', level_IN_PERSON: 'Needs an in-person visit', level_EMERGENCY: 'EMERGENCY: seek care now',
    emergencyCall: 'Call 120 or go to the nearest emergency department now.',
    bookNow: 'Book a physician', booking: 'Booking', freeSlots: 'Free times', noSlots: 'No free times.', book: 'Book',
    physician: 'Physician', bookedFor: 'Booked for {t}', enterWaitingRoom: 'Enter the waiting room', waitingRoom: 'Waiting room',
    waitingText: 'You and your child are in the waiting room. The video starts when the physician admits you.', joinCall: 'Join the video consultation', refresh: 'Refresh',
    summary: 'Consultation summary', diagnosis: 'Diagnosis', plan: 'Plan', referral: 'Referral', referralReason: 'Reason for referral',
    referralFacility: 'Referred to (facility)', state: 'State', scheduledAt: 'Scheduled', open: 'Open', cancel: 'Cancel the consultation',
    state_REQUESTED: 'Requested', state_ASSESSED: 'Assessed', state_SCHEDULED: 'Scheduled', state_WAITING: 'Waiting',
    state_IN_PROGRESS: 'In progress', state_PAUSED: 'Paused', state_COMPLETED: 'Completed', state_REFERRED: 'Referred',
    state_CANCELLED: 'Cancelled', state_NO_SHOW: 'No-show',
    specialtyUnavailable: 'This specialty is not available at the moment',
    queueTitle: 'Consultation queue', today: 'Today', upcoming: 'Upcoming', earlier: 'Other', noQueue: 'No consultations.', triage: 'Triage',
    consultView: 'Consultation', assessment: 'Assessment', history: 'History', growthChart: 'Growth chart',
    indicator: 'Indicator', noMeasurements: 'No measurements.', admitAttest: 'Admit and attest guardian present',
    attestNote: 'I confirm that the guardian is present with the child and their identity was checked.', attestedBy: 'Guardian presence attested by {who}, {t}',
    completeConsult: 'Complete the consultation', endAndRefer: 'End and refer', call: 'Video call', guardianPresent: 'Guardian present',
    done: 'Saved', opsTitle: 'Operations', installedSpecialties: 'Installed specialties', health: 'System health',
    hl7Channels: 'HL7 channels', name: 'Name', direction: 'Direction', port: 'Port', status: 'Status', counts: 'Counts',
    hl7Unavailable: 'The HL7 bridge is not installed.', callTitle: 'Video consultation', lobby: 'Waiting in the lobby for the physician to admit you…',
    admitted: 'The physician admitted you.', connecting: 'Connecting…', peerLeft: 'The other side left.', inCall: 'Connected.',
    consultPaused: 'The guardian left: the consultation is paused.', consultResumed: 'The guardian is back: the consultation resumed.',
    summaryLink: 'See the outcome of the consultation', callClosed: 'The consultation ended ({r}).',
    hangUp: 'Hang up', admitFromLobby: 'Admit the guardian', localVideo: 'My camera', remoteVideo: 'Other side',
    audioOnly: 'Audio only', quality: 'Call quality', cameraError: 'Cannot open the camera or microphone: {e}',
    reconnecting: 'Connection lost: reconnecting…', callRefused: 'Cannot enter the video room: {r}',
    callElsewhere: 'You joined this video consultation in another window or device.', tryVideo: 'Try video again',
    audioOnlyPoor: 'The connection cannot sustain video: switched to audio only, the call goes on. Try video again when the network is better.',
    audioOnlyUser: 'You turned your video off: the call goes on with audio.', remoteAudioOnlyPoor: 'The other side\'s connection cannot sustain video: audio only.',
    remoteAudioOnlyUser: 'The other side turned their video off: the call goes on with audio.', qualityRemote: 'Guardian\'s video', qualityOwn: 'My video',
    rating_good: 'good', rating_fair: 'fair', rating_poor: 'poor', loss: 'loss',
    dateTime: '{d}', age: 'Age', sex: 'Sex', sex_MALE: 'Male', sex_FEMALE: 'Female', sex_UNKNOWN: 'Unknown',
    ind_weight: 'Weight for age', ind_height: 'Length/height for age', ind_bmi: 'BMI for age', ind_head: 'Head circumference for age', ind_wfh: 'Weight for length/height',
    chartLabel: '{ind}: the child\'s measurements and the WHO reference curves (z = -3 to +3)',
    installedBundles: 'Installed bundles', symbolicName: 'Symbolic name', version: 'Version', bundlesUnavailable: 'The bundle list is unavailable.',
    navDesk: 'Verification', navAccounts: 'Accounts', navPassword: 'Change password', usernameHint: 'Families: the mobile number you signed up with',
    forgotPassword: 'Forgot your password?', newFamily: 'New here?', signUp: 'Sign up', signUpTitle: 'Sign up as a parent',
    signUpIntro: 'Sign up with your mobile number. The hospital then verifies your identity and your relationship to your child; once verified you can book a doctor. You can fill in the pre-consultation assessment before that.',
    mobile: 'Mobile number', mobileHint: '11-digit mobile number; the code is sent to it by text message', sendCode: 'Send code', sending: 'Sending…',
    codeSent: 'Code sent', codeSentHint: 'The code was sent; it is valid for 5 minutes.', sendAgainIn: 'Send again in {s} s', sendAgain: 'Send again',
    code: 'Code from the text message', newPassword: 'New password', passwordHint: 'At least 8 characters, not your mobile number; a sentence you remember works well',
    familyName: 'Family name', givenName: 'Given name', realNameHint: 'Your real name, as on your ID document', idType: 'ID document', idValue: 'Document number',
    idHint: 'The front desk checks the original document', id_RESIDENT_ID: 'Resident identity card', id_PASSPORT: 'Passport', id_HK_MACAO_PERMIT: 'Mainland travel permit (HK/Macao)',
    id_TAIWAN_PERMIT: 'Mainland travel permit (Taiwan)', id_FOREIGN_PERMANENT_RESIDENT_ID: 'Foreigner permanent residence ID',
    verifyLater: 'After you sign up, the hospital verifies your identity; the result shows on "My children".', haveAccount: 'I have an account: log in',
    resetTitle: 'Reset your password', resetPassword: 'Reset password', resetCodeSent: 'If this number has an account, a code was sent; it is valid for 5 minutes.',
    backToLogin: 'Back to log in', changePasswordTitle: 'Change your password', changePassword: 'Change password', currentPassword: 'Current password',
    temporaryPasswordNote: 'You logged in with a temporary password from the administrator: choose your own first.',
    identityPending: 'Identity to be verified', identityPendingHelp: 'The hospital\'s front desk is verifying your identity. Until then you can add children and fill in assessments, but not book a doctor.',
    identityRefused: 'Identity not verified', identityRefusedHelp: 'If your document details were wrong, correct them below: they wait for verification again. Or bring the original document to the front desk.',
    correctId: 'Correct the document details', refusedBefore: 'Refused before: {reason}',
    relationshipPending: 'Your relationship to this child is to be verified by the hospital', relationshipRefused: 'Relationship not verified: {reason}',
    noChildren: 'No children added yet.', addChild: 'Add a child', childFamilyName: 'Child\'s family name', childGivenName: 'Child\'s given name',
    birthDate: 'Date of birth', relationship: 'You are the child\'s', rel_MOTHER: 'Mother', rel_FATHER: 'Father', rel_GRANDPARENT: 'Grandparent',
    rel_LEGAL_GUARDIAN: 'Legal guardian', relationshipLater: 'The hospital verifies your relationship to the child (birth certificate, household register).',
    saving: 'Saving…', deskTitle: 'Identity verification', pendingIdentities: 'Parents\' identities to verify ({n})', pendingRelationships: 'Relationships to verify ({n})',
    nothingPending: 'Nothing to verify.', deskIdentityHelp: 'Check the original document against the name and number.', verify: 'Verify', refuse: 'Refuse',
    refuseReason: 'Why it is refused (the parent sees this)', verifiedDone: 'Verified', refusedDone: 'Refusal recorded', guardianVerified: 'Parent\'s identity verified',
    guardianNotVerified: 'Parent\'s identity not verified yet', accountsTitle: 'Accounts', newStaffAccount: 'New staff account', staffAccounts: 'Staff accounts',
    physicianLogins: 'Physicians\' logins', loginName: 'Login name', personName: 'Name', role: 'Role', createAccount: 'Create account',
    staffPhoneHint: 'Optional: for password reset codes', temporaryPasswordShown: 'Temporary password of {who} (shown this once; to be changed at the first login):',
    disabled: 'Disabled', temporaryPassword: 'Temporary password', active: 'Active', disable: 'Disable', enable: 'Enable',
    disableReason: 'Why is the account disabled?', newTemporaryPassword: 'New temporary password', hasLogin: 'Has a login', createLogin: 'Create login',
    role_PHARMACIST: 'Pharmacist', role_COURIER: 'Courier', role_FRONT_DESK: 'Front desk', role_AUDITOR: 'Auditor', role_BILLING: 'Billing',
    role_INTEGRATION_ADMIN: 'Administrator', role_GUARDIAN: 'Parent', role_PHYSICIAN: 'Physician',
    devInbox: 'Development inbox', devInboxHelp: 'No real text messages here: codes and other texts land in this inbox.', inboxEmpty: 'No messages.',
    demoInboxNotice: 'Text message codes reach no phone: administrators read them under Accounts › Development inbox.',
    demoNotice: 'Demo mode: synthetic demo data only, and the demo accounts\' password is public. Do not enter real patients\' data.',
  },
};

const KEY = 'pediconsult.lang';

export function lang() {
  const l = localStorage.getItem(KEY);
  return l === 'en' ? 'en' : 'zh';
}

export function setLang(l) {
  localStorage.setItem(KEY, l === 'en' ? 'en' : 'zh');
  document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
}

/** A UI string with {placeholders} filled in. */
export function t(key, vars = {}) {
  const s = DICT[lang()][key] ?? DICT.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

/** A server text {zh, en} in the chosen language (the other one if missing). */
export function loc(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return lang() === 'en' ? (text.en || text.zh || '') : (text.zh || text.en || '');
}

export function fmtDateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN',
    { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
}

export function fmtDate(iso) {
  if (!iso) return '';
  return new Date(iso + (iso.length === 10 ? 'T00:00:00Z' : '')).toLocaleDateString(
    lang() === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeZone: 'UTC' });
}
