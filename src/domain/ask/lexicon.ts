// The words that signal what a question asks, in English and Chinese. Each cue is a pair of patterns:
// English ones run on the lower-cased question, Chinese ones on the question as typed.
import type { Continent, Topic } from '../../data/types.js';

export interface Cue {
  en: RegExp;
  zh: RegExp;
}

const NEVER = /(?!)/;

export const CUES = {
  /** Where a fact comes from. */
  sources: {
    en: /\b(sources?|sourced|cite[sd]?|citations?|references?|evidence|how do (you|we) know|according to (what|whom|who)|where (does|do|did|is) .{0,60}\b(come|coming|came|taken|found) from|where (is|are|was|were|did you get) (this|that|these|those|it|the (figures?|numbers?|data|counts?|info\w*|facts?))( \w+)? from\b)/,
    zh: /来源|出处|出自|依据|根据(什么|哪)|(数字|数据|说法|信息|资料|消息|这些?)[^，。？?]{0,6}(从哪(里|儿)?来|哪里来的)|从哪(里|儿)?(得|知道|查)|怎么知道|引用|信息源/,
  },
  /** What a friendship city / exchange city is, or how the two differ. */
  tierDifference: {
    en: /\b(differen(ce|t)|differ|distinguish\w*|vs\.?|versus|compared? (to|with)|tiers?|levels?|kinds? of|types? of)\b/,
    zh: /区别|差别|差异|不同|分别|级别|层级|层次|类型|种类|异同/,
  },
  tierDefinition: {
    en: /\bwhat does (?:the )?(?:word |term |name )?(?:友城|友好城市|姐妹城市|youcheng|sister[- ]cit(?:y|ies)|twin[- ]cit(?:y|ies)|friendship[- ]cit(?:y|ies)|twinning) mean\b|\bwhat(?: is|'s| are| does)(?: an?| the)? (?:(?:international )?friendly[- ]exchange|exchange|(?:international )?friendship|sister|twin|partner)[- ]cit(?:y|ies)(?: mean)?\b\??$|\bmean(?:s|ing)? (?:of|by) (?:an? |the )?(?:(?:international )?friendly[- ]exchange|exchange|friendship|sister|twin)[- ]cit/,
    zh: /什么(是|叫)(国际)?(友好交流城市|交流城市|友好城市|友城|姐妹城市)|(友好交流城市|交流城市|友好城市|友城|姐妹城市)(是什么|指什么|什么意思|的意思|的含义|的定义|是指)/,
  },
  /** Wuhan compared with other Chinese cities. */
  rank: {
    en: /\b(rank|ranks|ranked|ranking|sub-?provincial|compared? (to|with) other (chinese )?cities|among (chinese|china's|other) cities|more than (any )?other (chinese )?cities)\b/,
    zh: /排名|排行|副省级|位居|名列|首位|排第|居首|领先/,
  },
  landmarks: {
    en: /\b(landmarks?|monuments?|named (after|for) wuhan|wuhan china|s-bahn|passenger train|wuhan[- ](square|avenue|forest|street|road|garden|train|park|lamp)|(square|avenue|street|road|train|forest|park|garden|pavilion|lamp)s? (named|called)|named after|street ?lamp|yellow crane tower lamp|china garden|zhiyin)\b/,
    zh: /地标|命名|武汉广场|武汉大道|武汉之森|武汉号|路灯|黄鹤楼|知音亭|中国园|中国花园|纪念物/,
  },
  /** Whether a tie has ended. */
  status: {
    en: /\b(ended|ending|ends|end (the|its|their|of the) (tie|ties|relationship|partnership|twinning|friendship)|cut (ties|off|the tie)|broke|broken|break (off|up|ties|the tie)|terminat\w*|cancel\w*|suspend\w*|phas(e|ed|es|ing)[- ](?:\w+ )?out|dropp(ed|ing)|quit|no longer|still|revok\w*|withdr[ae]w\w*|dissolv\w*|active|current status)\b/,
    zh: /终止|结束|断绝|解除|中止|取消|退出|停止|还是(?=.{0,8}(友城|友好城市|姐妹|伙伴|关系))|(现在|如今|目前)还是|仍是|仍然|依然|还在|断交|不再|现状|状态|有效/,
  },
  /** An end or a winding-down, as opposed to "still": decides a "how many ... ended" question. */
  ended: {
    en: /\b(ended|ending|ends|cut (ties|off)|broke|broken|break (off|up|ties)|terminat\w*|cancel\w*|suspend\w*|phas(e|ed|es|ing)[- ](?:\w+ )?out|dropp(ed|ing)|quit|revok\w*|withdr[ae]w\w*|dissolv\w*)\b/,
    zh: /终止|结束|断绝|解除|中止|取消|退出|断交/,
  },
  continents: {
    en: /\bcontinents?\b/,
    zh: /大洲|各洲|哪些洲|几个洲/,
  },
  cooperation: {
    en: /\b(cooperat\w*|co-operat\w*|collaborat\w*|work(s|ed|ing)? (on|together|with)|do together|did together|projects?|joint|exchanges?|programmes?|programs?|agreements? on|ties? in|areas?|fields?|activities|what (do|does|did) .{1,60} do)\b/,
    zh: /合作(?!伙伴)|交流|项目|共同|领域|往来|做了什么|做些什么|做什么|干什么|哪些方面|什么方面|协议/,
  },
  /** "Outside Asia", "亚洲以外": the places named are the ones to leave out. */
  outside: {
    en: /\b(outside( of)?|except|excluding|other than|not in|beyond|apart from)\b/,
    zh: /以外|之外|除了|除外|不在/,
  },
  /** Which ties have no known date. */
  undated: {
    en: /\b(no (known )?dates?|without (a |any )?dates?|undated|dates? (is |are )?(not known|unknown|missing)|unknown dates?|not dated)\b/,
    zh: /日期不详|没有日期|日期未知|没有.{0,4}日期|日期.{0,2}不明|不知道.{0,6}(时间|日期)/,
  },
  first: {
    en: /\b(first|earliest|oldest|longest[- ]standing|longest|initial)\b/,
    zh: /第一个|第一座|第一|最早|最先|首个|首座|最老|最久|最长|率先/,
  },
  /** A position in date order other than the first: "the second sister city", "第三个友好城市". */
  ordinal: {
    en: /\b((?:twenty|thirty)[- ]?)?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|first)\b|\b(\d{1,3})(?:st|nd|rd|th)\b/,
    zh: /第([一二两三四五六七八九十百]+|\d{1,3})(?:个|座|位)?/,
  },
  /** "When did it start?" with no city: the first tie is the start. */
  start: {
    en: /\b(start(ed)?|beg[ia]n|begin(ning)?|commenc\w*)\b/,
    zh: /开始|起步|起始|始于/,
  },
  latest: {
    en: /\b(latest|newest|most recent(ly)?|last|recent|youngest|newer)\b/,
    zh: /最新|最近|最后|最晚|最年轻/,
  },
  when: {
    en: /\b(when|what year|which year|what date|since when|how long|how many years|how old|dates?|established|establish|became|become|becoming|twinned|twinning|signed|sign|founded|formed|began|anniversary|years? ago|since)\b/,
    zh: /什么时候|何时|哪一年|哪年|几年|多少年|多久|多长时间|结为|结成|建立|缔结|结好|签署|签订|签约|成为|日期|时间|周年|年前|几时/,
  },
  /** A question word that asks for a date or a span ("when", "哪年"), as opposed to words like "signed". */
  whenAsked: {
    en: /\b(when|what year|which year|what date|since when|how long|how many years|how old)\b/,
    zh: /什么时候|何时|哪一年|哪年|几时|多少年|多久|多长时间|什么时间|哪一?天|几年|日期|日子|几月|哪个月|哪月|几号|几月几日/,
  },
  /** Two partners set against each other in time: "which came first, A or B", "A和B哪个先". */
  compareEarlier: {
    en: /\b(came first|first[,:]? .{1,60}\bor\b|earlier|earliest|sooner|older|oldest|longer|longest|before|years (between|apart))\b/,
    zh: /哪个先|谁先|哪个早|谁早|哪个更早|谁更早|更早|较早|先.{0,16}还是|还是.{0,10}[先早]|比.{1,12}早|相差|差几年|隔了几年|哪个在前|最早|更久|最久|最长|更长/,
  },
  compareLater: {
    en: /\b(later|latest|newer|newest|more recent|most recent|younger|(?<!named )after(?! wuhan))\b/,
    zh: /哪个晚|谁晚|更晚|较晚|最晚|哪个后|谁后|最新|更新|最近|比.{1,12}晚/,
  },
  /** What a partner is called in a language or script. */
  names: {
    en: /\b(called|named|name|names|spelled|spell|spelt|say|said|write|written|pronounce\w*|call|calls)\b.{0,30}\b((in )?(chinese|mandarin|english|local(ly)?|native(ly)?|own language|characters)|in [a-z]+(?:ian|ese|ish|sh|ch|an|ic|ek|ai)\b)|\b(chinese|english|local|native|official|full) (name|names|spelling)\b|\b(?:[a-z]+(?:ian|ese|ish|sh|ic|ek|ai)|german|korean|dutch|french|czech|hebrew|m[āa]ori) (name|spelling|letters|script|characters)\b|\b(?:what|which)(?:'s|s| is| are)?\b.{1,40}\bin (chinese|mandarin|english|characters|pinyin|german|korean|dutch|french|czech|hebrew|maori|[a-z]+(?:ian|ese|ish|sh|ic|ek|ai))\b|\b(article|machine[- ]?translat\w*)\b.{0,40}\b(call|calls|called|write|writes|wrote|written|render\w*|name|names)\b|\b(spelled|spelt|spelling)\b|\bwhat do (?:the )?(?:[a-z]+ )?(?:people|locals|natives)\b.{0,20}\bcall\b|\b(?:locals|natives) call\b|\bin (?:welsh|chinese|mandarin|english|german|french|dutch|korean|japanese|hungarian|czech|hebrew|maori|m[āa]ori|thai|icelandic|swedish|russian|ukrainian|turkish|greek|portuguese|spanish|romanian|arabic)\s*\??\s*$/,
    zh: /[语文].{0,2}(?:叫|称)|中文名|英文名|中文叫|英文叫|中文怎么|英文怎么|用中文|用英文|英文是|中文是|[语文]全称|全称|全名|怎么写|怎么说|用.{1,5}[语文]|[语文](名字|名称|名|叫法|写法)|译名|当地.{0,4}(名|叫)|原名|外文名|本地名|(文章|机翻|机器翻译).{0,12}(叫|写|译)/,
  },
  /** Today, as opposed to when the tie was made: "the current mayor", "现任市长". */
  today: {
    en: /\b(current(ly)?|now|today|nowadays|present|incumbent|these days)\b/,
    zh: /现在|现任|目前|当前|如今|今天|眼下|而家/,
  },
  /** A mayor, asked about by a partner's name: the people the data names. */
  mayor: {
    en: /\bmayors?\b/,
    zh: /市长/,
  },
  /** "How long ago": the span is the point, not only the date. */
  howLong: {
    en: /\b(how long|how many years|how old|years? ago)\b/,
    zh: /多少年|多久|多长时间|几年|年前/,
  },
  count: {
    en: /\b(how many|number of|numbers?|count|total|totals|tally|figures?|sum|(have|had|has|with) (?:like |about |around |over |almost |nearly |more than )?\d+|circle of friends)\b/,
    zh: /多少|几个|几多|数量|总数|总共|一共|共有|数目|个数|数字|有\d+个|朋友圈/,
  },
  history: {
    en: /\b(change[ds]?|changing|over (the )?(years|time)|grow(n|th|s)?|grew|increase[ds]?|history|historical|trend|evolv\w*|evolution|each year|per year|by year|year by year|progress)\b/,
    zh: /变化|历年|增长|增加|发展|演变|历史|趋势|逐年|每年|历程/,
  },
  countries: {
    en: /\b(countries|nations)\b/,
    zh: /国家/,
  },
  /** "Which country has the most": the top of a ranking, not the whole of it. */
  most: {
    en: /\b(the most|most of|largest number|biggest number|highest number)\b/,
    zh: /最多/,
  },
  /** Asking for the names, not only a number. */
  list: {
    en: /\b(which|list|name|names|all|every|show|what are|who are|give me (?:\d+|a few|some))\b/,
    zh: /哪些|哪几个|哪个|有什么|列出|列举|名单|全部|所有|都有|都是|是哪|谁/,
  },
  /** Cities added in a period, as opposed to what Wuhan had then. */
  added: {
    en: /\b(new|gain(ed)?|add(ed)?|sign(ed)?|join(ed)?|became|become|established|twinned|made)\b/,
    zh: /新增|新结|结为|缔结|结好|结了|结的|建立|签署|签订|签的|签了|签约|成为|新/,
  },
  /** Is X a partner at all? */
  partnerCheck: {
    en: /\b(is|are|was|were|isn't|aren't)\b.{1,60}\b(a |an |one of )?(wuhan'?s?'? )?(sister|twin|partner|friendship|friendly|twinned|paired|partnered)\b|\bdoes wuhan have (a |any )?(sister|twin|partner|friendship)|\b(is|are) .{1,60} (twinned|paired|partnered) with\b/,
    zh: /(是|算)(不是)?(武汉市?的?)?(国际)?(友好交流城市|友好城市|友城|姐妹城市)|是否|有没有/,
  },
  /** Words that tie a question to sister cities at all. */
  relation: {
    en: /\b(sister|twin|twinned|twinning|partner\w*|friendship|friendly|paired|pairing|jumel\w*|ties?)\b/,
    zh: /友好城市|友城|姐妹城市|结为|结好|缔结|结对|友好交流|结成|关系|合作伙伴|伙伴城市/,
  },
  /** Topics no data covers: say so instead of answering something else. */
  offTopic: {
    en: /\b(population|inhabitants|how many people|(most|fewest|more|fewer) (people|inhabitants|residents)|weather|temperature|mayors?|gdp|how big|biggest|largest city|smallest|richest|poorest|safest|prettiest|nicest|best|worst|time ?zone|currency|visa|hotels?|restaurants?|food|cuisine|elevation|altitude|covid|virus|pandemic|lab leak|capital of|language spoken|football club|recommend\w*|essay|poem|tickets?|world cup|who won|restaurants?|flag|colou?rs?|rain|snow|sunny|forecast)\b/,
    zh: /新闻|人口|天气|气温|下雨|下雪|刮风|作文|写一篇|写一首|诗|推荐|门票|票价|餐厅|饭店|好吃|怎么走|世界杯|市长|面积|时区|货币|签证|酒店|美食|海拔|经济总量|疫情|病毒|新冠|首都|最大的城市|最富|最好|最漂亮|最安全/,
  },
  /** Who signed a tie: answered from the notes that name the signatories. */
  signatories: {
    en: /\b(who signed|who (?:was|were) the signator(?:y|ies)|signator(?:y|ies)|signed by whom|by whom\b.{0,40}\bsigned|who (?:put|set) (?:their|his|her) (?:names?|signatures?)|whose signatures?)\b/,
    zh: /谁签|签字人|签署人|签约人|签字的是谁|签署的是谁|签约的是谁|由谁签|(签约|签署|签字)的.{0,12}是谁|(签约|签署|签字)(的)?时候?的?市长是谁/,
  },
  /** How far a partner is from Wuhan: great-circle distance between the coordinates. */
  distance: {
    en: /\b(how far(?! back| along| into| has| have| did)|distances?|far away|far from|kilomet(?:er|re)s?|km|miles?|farthest|furthest|most distant|remotest|closest|nearest)\b/,
    zh: /多远|距离|远近|最远|(?:离|距)武汉最近|最近.{0,4}(?:离|距)|公里|千米/,
  },
  /** The far end of a distance question. */
  farthest: {
    en: /\b(farthest|furthest|most distant|remotest)\b/,
    zh: /最远/,
  },
  closest: {
    en: /\b(closest|nearest)\b/,
    zh: /(?:离|距)武汉最近|最近.{0,4}(?:离|距)|离.{0,6}最近|距离最近|最近的距离/,
  },
  /** The exchange tier, named. Removed before other cues so "exchange" is not read as cooperation. */
  exchangeTier: {
    en: /\b(international )?(friendly[- ]exchange|exchange[- ]level|exchange[- ]tier|exchange)[- ]?(cit(y|ies)|partners?|ties?|tier|level)\b/,
    zh: /友好交流城市|交流城市/,
  },
  friendshipTier: {
    en: /\b(international )?(friendship|sister|twin|partner)[- ]?(cit(y|ies)|towns?)\b/,
    zh: /国际友好城市|友好城市|友城|姐妹城市/,
  },
  /** Mentions Wuhan itself (not needed to answer, but "tell me about Wuhan" is an overview). */
  overview: {
    en: /\b(overview|summary|summarise|summarize|tell me about wuhan|tell (?:me|us) (?:about|of) (?:the |wuhan'?s? )?(?:sister|twin|friendship|partner) cities|about wuhan's (sister|friendship|twin)|wuhan'?s? (sister|twin|friendship|partner) cities\??$|^(sister|twin|friendship|partner) cities( of wuhan)?\??$)\b/,
    zh: /^武汉(市)?的?(国际)?(友好城市|友城|姐妹城市)[？?]?$|^(国际)?(友好城市|友城|姐妹城市)[？?]?$|概况|简介|介绍一下武汉/,
  },
  never: { en: NEVER, zh: NEVER },
} as const satisfies Record<string, Cue>;

export type CueName = keyof typeof CUES;

export const CONTINENT_WORDS: { continents: Continent[]; en: RegExp; zh: RegExp }[] = [
  { continents: ['Asia'], en: /\b(asia|asian)\b/, zh: /亚洲|亚太/ },
  { continents: ['Europe'], en: /\b(europe|european)\b/, zh: /欧洲/ },
  { continents: ['Africa'], en: /\b(africa|african)\b/, zh: /非洲/ },
  { continents: ['North America'], en: /\bnorth(ern)? americ(a|an)\b/, zh: /北美/ },
  { continents: ['South America'], en: /\bsouth(ern)? americ(a|an)\b/, zh: /南美/ },
  { continents: ['Oceania'], en: /\b(oceania|oceanian|pacific)\b/, zh: /大洋洲/ },
  { continents: ['North America', 'South America'], en: /\b(the )?americas\b/, zh: /(?<![北南])美洲/ },
  {
    continents: ['North America', 'South America'],
    en: /\b(north(ern)? and south(ern)?|south(ern)? and north(ern)?) americ(a|as|an)\b/,
    zh: /南北美|北美.?南美|南美.?北美/,
  },
];

/** A region of several countries that is no continent: the countries it holds, by ISO code. */
export interface Region {
  id: 'latinAmerica' | 'nordic' | 'scandinavia' | 'middleEast' | 'southeastAsia' | 'eastAsia' | 'centralAsia';
  codes: readonly string[];
}

const SOUTH_AMERICA = ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'];

/**
 * Regions people ask about that cut across continents or split them. Latin America is Mexico, Central
 * America and the Spanish- and Portuguese-speaking Caribbean as well as South America, so it is no
 * continent: read as "South America" it would leave out Tijuana.
 */
export const REGION_WORDS: (Region & { en: RegExp; zh: RegExp })[] = [
  {
    id: 'latinAmerica',
    codes: ['MX', 'GT', 'BZ', 'SV', 'HN', 'NI', 'CR', 'PA', 'CU', 'DO', 'PR', ...SOUTH_AMERICA],
    en: /\blatin[- ]?americ(a|an)\b/,
    zh: /拉丁美洲|拉美/,
  },
  { id: 'nordic', codes: ['DK', 'FI', 'IS', 'NO', 'SE'], en: /\bnordics?\b/, zh: /北欧/ },
  { id: 'scandinavia', codes: ['DK', 'NO', 'SE'], en: /\bscandinavia(n)?\b/, zh: /斯堪的纳维亚/ },
  {
    id: 'middleEast',
    codes: ['IL', 'PS', 'JO', 'LB', 'SY', 'IQ', 'IR', 'SA', 'AE', 'QA', 'BH', 'KW', 'OM', 'YE', 'TR', 'EG', 'CY'],
    en: /\bmiddle[- ]east(ern)?\b|\bmid-?east\b/,
    zh: /中东/,
  },
  {
    id: 'southeastAsia',
    codes: ['TH', 'KH', 'VN', 'LA', 'MM', 'MY', 'SG', 'ID', 'PH', 'BN', 'TL'],
    en: /\bsouth[- ]?east(ern)? asia(n)?\b/,
    zh: /东南亚/,
  },
  { id: 'eastAsia', codes: ['JP', 'KR', 'KP', 'MN', 'TW'], en: /\beast(ern)? asia(n)?\b/, zh: /(?<!南)东亚/ },
  { id: 'centralAsia', codes: ['KZ', 'KG', 'TJ', 'TM', 'UZ'], en: /\bcentral asia(n)?\b/, zh: /中亚/ },
];

export const TOPIC_WORDS: { topic: Topic; en: RegExp; zh: RegExp }[] = [
  {
    topic: 'trade',
    en: /\b(trade|trading|business\w*|econom\w*|invest\w*|commerc\w*|compan(y|ies))\b/,
    zh: /贸易|经贸|经济|投资|商贸|企业/,
  },
  {
    topic: 'education',
    en: /\b(educat\w*|schools?|universit\w*|students?|academ\w*|colleges?)\b/,
    zh: /教育|学校|大学|留学|学生|高校/,
  },
  {
    topic: 'health',
    en: /\b(health|medic\w*|hospitals?|doctors?|surgeons?|surgery)\b/,
    zh: /医疗|卫生|医院|医学|健康|医生/,
  },
  {
    topic: 'environment',
    en: /\b(environment\w*|climate|water|green|pollut\w*|sustainab\w*|waste)\b/,
    zh: /环境|环保|气候|水务|污水|水资源|治水|绿色|可持续/,
  },
  { topic: 'culture', en: /\b(cultur\w*|arts?|music|museums?|festivals?)\b/, zh: /文化|艺术|音乐|博物馆|节日/ },
  {
    topic: 'sport',
    en: /\b(sports?|football|swim\w*|marathon|dragon[- ]boat)\b/,
    zh: /体育|足球|游泳|龙舟|马拉松|横渡/,
  },
  {
    topic: 'transport',
    en: /\b(transport\w*|rail\w*|freight|flights?|logistic\w*|ports?|airlines?)\b/,
    zh: /交通|铁路|班列|航班|物流|港口|航线/,
  },
  { topic: 'science', en: /\b(scien\w*|technolog\w*|research|innovat\w*|tech)\b/, zh: /科技|科学|技术|研究|创新/ },
  { topic: 'urban', en: /\b(urban|city planning|infrastructure|construction)\b/, zh: /城市建设|城建|规划|基础设施/ },
  { topic: 'governance', en: /\b(governance|administrat\w*|civil affairs|government)\b/, zh: /政务|民政|治理|政府/ },
];

/**
 * Words dropped when reading a place name out of a question that names no known city
 * ("Is Paris a sister city of Wuhan?" → "Paris").
 */
export const EN_FILLER = new Set(
  `a an the of with and or to for in on at by from into about as is are was were be been being isn't aren't
   wasn't do does did doesn't don't didn't has have had having it its it's this that these those there
   what what's which who whom whose when where why how whether if ever any some still yet also too ago
   since long many much years year date time since please tell me us you your i we our can could would
   should will shall may might wuhan wuhan's wuhans china chinese hubei sister twin twinned twinning
   partner partners partnered partnership city cities town towns friendship friendly friend friends
   relation relations relationship relationships tie ties link linked pair paired pairing international
   exchange become became becoming established establish official officially sign signed one listed list
   yes no not really know known unknown date dates have exact exactly precise specific actual
   pls plz lol lmao haha thx thanks like way round anyway btw kinda guys hey hi right correct true
   class lesson homework hw teacher project worksheet presentation assignment quiz trivia`.split(/\s+/),
);

/** Chinese function words and question words dropped the same way, longest first. */
export const ZH_FILLER = [
  // "上世纪80年代": the decade, which the entities read.
  // The asker's context, which asks nothing: "做作业", "上课用", "老师要".
  '抢答',
  '问答题',
  '竞猜',
  '做作业',
  '作业',
  '上课用',
  '上课',
  '老师',
  '班级展示',
  '上个世纪',
  '上世纪',
  '二十世纪',
  '20世纪',
  '国际友好交流城市',
  '友好交流城市',
  '国际友好城市',
  '友好城市',
  '姐妹城市',
  '交流城市',
  '什么时候',
  '有没有',
  '是不是',
  '哪一年',
  '武汉市',
  '友好关系',
  '年代',
  '截至',
  '截止',
  '包括',
  '包含',
  '湖北全省',
  '湖北省',
  '全省',
  '湖北',
  '正式',
  '具体',
  '确切',
  '准确',
  '日子',
  '结为',
  '结成',
  '缔结',
  '建立',
  '成为',
  '结好',
  '关系',
  '国际',
  '友城',
  '武汉',
  '何时',
  '哪年',
  '是否',
  '请问',
  '一下',
  '的',
  '是',
  '吗',
  '呢',
  '吧',
  '么',
  '和',
  '与',
  '跟',
  '同',
  '了',
  '在',
  '有',
  '也',
  '还',
  '都',
  '个',
  '城市',
  '市',
  '哪一个',
  '哪个',
  '哪座',
  '哪些',
  '哪里',
  '哪儿',
  '什么',
  '怎么',
  '为什么',
  '多少',
  '谁',
  '哪',
  '名单',
  '列表',
  '数据',
  '资料',
  '相距',
  '距离',
  '多远',
  '离',
  '距',
  '到',
];

/** Characters no place name in a question is made of: what is left with them is not a name. */
// 汉欧, 中欧: the freight trains' names (汉欧班列), no place.
export const ZH_NOT_A_NAME = /[哪谁么几吗呢最先后怎为请]|姐妹|友城|^(?:汉欧|中欧|汉新欧|东西)$/;

/** Titles before a person's name: what follows them is a person, no place ("Dr Lasri", "Mayor Krings"). */
export const PERSON_TITLES = new Set(
  'mr mrs ms dr prof professor mayor president minister sir lord lady king queen mister herr'.split(' '),
);
