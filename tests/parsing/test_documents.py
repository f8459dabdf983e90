"""Whole plans written for these tests (tests/parsing/documents), each mixing several
classes of the genre in one realistic document, on topics other than 法治社会 (营商环境, 就业,
乡村振兴, 大气/水污染防治, 制造业降成本, 法治政府, 法治乡村), in other layouts.

Each ``dNN_*.txt`` is the document as a copy prints it; ``dNN_*.json`` is its gold, in the
schema of shared/gold/README.md and by its rules, checked by hand. Each is scored with the
acceptance scorer (bar 0.95), and the fields each document is about are checked one by one.

What each mixes:

- d01 营商环境: a covering notice (通知如下 1.–3., 附件:1. 2.), signature and date before the
  plan, a title ending in 任务分工, a "排在首位的为牵头单位" note over brackets of bare unit
  lists, fields that are no units (6月底前完成, 长期坚持), 实现90%以上…网上办理.
- d02 就业: 第N章/第N节/第N条, 〔X牵头，Y参与，Z负责落实〕, 总则 and 保障措施 articles that
  are no measures, a title ending in 责任清单, 确保2024年…, 控制在…以下, 完成3个…，4个以上….
- d03 乡村振兴: hard-wrapped at 30 characters, a decimal outline 2.1.1, 【牵头单位】…【责任单位】…,
  a page number inside a measure, an issuer only in the notice title, targets under 主要目标,
  推广…5万亩.
- d04 大气污染防治: a 任务分工表 flattened one cell per line (序号/重点任务/牵头单位/责任单位/
  完成时限), a railway body among the units.
- d05 水污染防治: a ragged PDF text layer with page numbers, (X牵头,Y配合), "X按职责分工负责"
  on its own line, (一) items as measures, 保障措施 items, a noisy signature.
- d06 制造业降成本: traditional characters, 總體目標 targets (降低至…以下), label lines below
  each measure, a title ending in 责任分解 with a date line under it.
- d07 法治政府: a news page (breadcrumb, 发布时间 with seconds, 浏览次数, 分享到), "X、Y按职责
  分工负责" lines, parents in the preamble (实施《…》).
- d08 就业: an excerpt that starts mid-plan (measures before 三、), 牵头责任单位, ASCII
  punctuation.
- d09 法治乡村: a notice header on two lines, one (责任单位:…) line after items (1)–(4),
  指标类型:约束性 and a deadline inside the bracket, 一是/二是 inside a measure.
- d10 营商环境: every line break removed (a document-sharing site), [牵头单位:…;责任单位:…], a
  date line under the title, a section paragraph opening with 公民、法人….
- d11 节能降碳: no chapter numerals, a "列第一位者为牵头单位，下同" note inside the preamble
  over bare unit lists, energy counters (万千瓦时, 吨标准煤/万元), 降低至…以下.
- d12 政府工作报告分解: a notice that is itself the plan (关于分解落实…的通知), its title
  and issuer, 配合单位 labels, a deadline in the bracket, a closing 工作要求 paragraph.
- d13 安全生产: "X（牵头）" tags inside 责任单位 lists, a measure number glued to the chapter
  heading before it (…整治要点4、开展…), goals in a preamble sentence, 家次.
- d14 农村人居环境: 第一部分/第二部分 over 一、 over (一) measures, bare lists with "X（牵头）"
  and a 完成时限: field, 工作目标 targets, a 保障措施 part whose items are no measures.
- d15 营商环境: a 目录 before the preamble, 牵头领导 fields naming people inside the bracket,
  a measure number missing (3.), 责任主体。…。, a unit with pinyin readings (經(jīng)開區).
- d16 文化旅游: a 重点任务清单 whose rows are pasted from a Word table (序号, 任务, 责任单位,
  完成时限 apart by tabs), 保障措施 items after it that are no measures, 为150家…提供….
- d17 农民增收: measures written 一是…二是…三是… inside paragraphs with one attribution each,
  livestock and poultry counters (8万头, 120万羽), 为300名…提供创业指导, 批次.
- d18 消防安全: a decimal outline whose top lines carry no dot (1　总体要求 over prose,
  2　重点任务 over 2.1), 牵头单位：/配合单位： on lines of their own, 栋.
- d19 老旧小区: a county 实施方案 of 第N节 and 第N条 with no chapters, 第一节 总体要求 and
  第四节 附则 whose articles are provisions, an own-line 责任单位 right after a section's first
  article, 栋.
- d20 禁捕退捕: ASCII punctuation throughout ((X牵头,Y配合), sentences ending in "."), a
  number glued to its heading (…要点1、开展…), a garbled number (�、), 艘, 起, 份, 家次.
- d21 卫生健康: a news page copied as text (breadcrumb, timestamp and 来源 line, 上一篇/下一篇),
  a covering notice, a 工作要点 opening with 第一条 为…, 责任主体。X。, 市直各部门 and
  各县（市、区）人民政府 collectives, an age (65岁以上) that names a group.
- d22 食品安全: a 任务分解表 pasted with runs of blanks between the cells, ASCII periods,
  起 and 批次, 为500名60岁以上….

Round 3 (layouts rounds 1 and 2 had not tried):

- d23 营商环境: a 责任清单 grouped by unit: each chapter heading is the lead unit
  (一、市发展改革委), its items carry no bracket, a "配合：X、Y" tail names responsible units.
- d24 教育: the attribution printed before the text (1.【市教育局牵头，市财政局配合】新建…,
  4.市人社局牵头负责：推进…).
- d25 乡村产业: three levels, the measures are the (1) items under 1. under (一), each with
  its own bracket, (1) restarting under each 1.
- d26 养老服务: only the 1. items carry brackets, on their heading line; (1)(2) sub-points
  follow the bracket and belong to the measure.
- d27 城市管理: circled numbers ①②③ as the measures of each (一), restarting.
- d28 生态环境: full-width digits (１．), 牵头单位/配合单位/完成时限 on lines of their own, and
  责任领导/责任单位/责任人 lines (people, not units).
- d29 卫生健康: 1) 2) markers, 每季度/每半年/每月/每年X月 duties, 完成时限：全年 in the bracket.
- d30 养老服务: 一、 items are the measures (若干措施), closed by (各区县人民政府、市直有关部门
  按职责分工负责) or (X牵头，Y按职责分工负责).
- d31 文明城市: a web page copied as text with 【字体：大 中 小】, 打印本页/关闭窗口, 分享到 and a
  相关链接 list after the body.
- d32 全民健身: a 附表 of indicators (指标名称 / 目标值 / 责任单位) after the measures.
- d33 数字经济: （牵头：X；配合：Y；完成时限：…） brackets, and 任务内容：… items over
  责任单位：/完成时限： lines.
- d34 就业: deadline fields of any form (完成时限：2024年6月, 时间节点：2024年第三季度, 完成时间：
  …, 全年), a unit line with 牵头/配合 under a measure, a signature dated 二〇二四年三月五日.

Round 5 (branch genre4):

- d35 公共法律服务: a WeChat public-account copy (原创 … 发表于贵州, 点击蓝字 关注我们, 来源：/
  编辑：/审核：/校对：, 阅读原文, 往期推荐) of a covering notice and its 工作要点.
- d36 道路交通安全: units as the subjects of the measures' sentences (此项工作由X牵头，Y配合。,
  由X牵头，会同Y，…, X负责…，各县（区）人民政府负责…, X要…；Y要…).
- d37 城乡绿化: 一是…（X负责）；二是…（Y负责）。 ordinals are the measures; a (四) lists none.
- d38 全民健身: a 十四五 规划 with 专栏 boxes of projects and goals under 总体要求.
- d39 政府工作报告分工: each item quotes the report (“……”) then (X牵头，Y参与).
- d40 生态环境: a Markdown copy (# 标题, **一、总体要求**, ### （一）…, - 1. …, > 署名).
- d41 燃气安全: (一) measures at the top level, (1) sub-points after the bracket, and a
  第一阶段/第二阶段 timetable after the measures.
- d42 新时代文明实践: a Markdown copy whose chapters each hold a Markdown table of tasks
  (| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | over | --- | … |); printed run in, its rows
  are lines again (|| and a bar glued to the word before it).
- d43 农业面源污染: each measure opens with its heading in 【】 (1.【推进化肥减量增效】推广…),
  责任单位 brackets, 保障措施 (一)–(三) that are no measures.

Round 6 (branch genre6):

- d44 督办事项清单: a covering notice, then items of fields: 督办事项：…, 督办领导 (a person),
  主办单位 (the lead), 协办单位, 承办单位, 办结时限 / 完成时间节点 (the deadline), a 版记 line.
- d45 科技创新: a 推进台账 pasted from Excel: tab-parted cells, chapter rows merged across
  (一、… and the empty cells' tabs), cells of two lines printed in quotes.
- d46 城市更新: a 任务分解表 pasted with its header over two lines (责任分工 over 牵头单位 |
  配合单位), a column of leaders (people), an empty cell and a "/" cell.
- d47 防汛抗旱: measures opened by "●" with no number, (X牵头，Y配合) after each.
- d48 河湖长制: 任务一：… blocks over 具体措施：/责任单位：/配合单位：/完成时限： lines, no
  chapters.
- d49 森林防火: an OCR copy hard-wrapped at 28: half-width punctuation, "-、" for 一、, stray
  spaces in unit names, "— 3 —" and "-5-" inside measures, a date 二0二四年三月十日.
- d50 基层治理: a county plan naming 各乡（镇）人民政府、街道办事处, 村（社区）, 县直各部门,
  县有关单位, 各乡镇（街道）; two signers.
- d51 粮食安全: a body of (一)(二) paragraphs without units, signed, then 附件1 a task table and
  附件2 a list of liaison officers (单位 | 姓名 | 职务 | 联系电话), which is no task table.
- d52 安全生产考核: a 考核评分细则 whose numbered items carry scores (（10分）, 扣5分): indicators,
  not measures.
- d53 人才工作: 以下任务由X牵头，Y配合。 / 本部分任务由… lines under the chapter headings, one
  measure with its own bracket.
- d54 促消费: measures opened by "——" with no number, under 一、 chapters.

Round 7 (branch genre7):

- d55 普法: each measure's units in a sentence on the line after it (此项工作由X牵头，Y配合。,
  （该项工作由X负责）, 本项工作由…), 县直各部门.
- d56 职业教育: measures with no units, then 四、责任分工 naming them by number (市教育局负责第1、
  3、5、8项；…负责第4项，市财政局配合；各区县人民政府负责落实第9项); a heading ending in 布局.
- d57 生态环境: measures at (一) in one chapter, at 1. under (一) sections in the next and at 1.
  in a third; 保障措施 items.
- d58 污水处理: targets year by year inside a measure (2024年完成40%，2025年完成80%; 2024年30公里、
  2025年40公里…), deadlines 每年11月底前 and 每季度末, 毫克/升.
- d59 平安建设: one body under three names (州委政法委 / 中共某州委政法委员会 / 州委政法委员会;
  州发改委 / 州发展改革委 / 州发展和改革委员会), kept as printed; 同比下降10%.
- d60 乡村建设: a Word copy that lost its automatic numbers: headings without numerals, each
  measure a paragraph ending with its （牵头单位：…；责任单位：…）.
- d61 稳就业: full-width digits and letters (１．, Ａ．/Ｂ． sub-points, ５．５％).
- d62 文化旅游: a 重点项目表 annex after the signature whose numbered rows are projects with
  amounts, not measures; 活动10场 is a frequency, no target.
- d63 城市更新: 责任领导：分管副市长 fields, 专班 / 指挥部办公室 / 领导小组办公室 as units, and a
  post (市政府分管副市长牵头) that is no unit.

Round 9 (branch genre9):

- d64 义务教育“双减”: each measure's fields on one line apart by blanks (责任领导：王某某
  （副县长）　　牵头单位：…　　配合单位：…　　完成时限：2024年起每学期), 每学期 duties, a 附件
  list, a signature by a body named with a quoted word (某县“双减”工作专班办公室), then 抄送 and
  a 印发 line.
- d65 医疗保障: (一) measures over two or three paragraphs, the labels after the last
  (牵头单位：…；参与单位：…；督办单位：市政府督查室): the supervising body is no unit.
- d66 数字政府: a tab-parted table with no number column (目标任务 | 具体措施 | 责任单位 |
  完成时限), its topic printed only on a group's first row.
- d67 大气污染防治: a red-header notice (某州大气办发〔2024〕3号) and 抄送 after the plan; brackets
  that label a list of verbs (责任单位：州生态环境局牵头，…等州直有关部门配合，各县（市）人民政府
  负责落实), 州大气污染防治工作领导小组各成员单位.
- d68 制造业降成本: （牵头领导：刘某某（副市长）；主办单位：…；协办单位：…）, a post in brackets
  inside the bracket.
- d69 安全生产专项整治: a 工作要点 whose items 3, 6 and 9 print no units (no-attribution on each),
  各乡镇（街道）, 县安委会各成员单位.
- d70 巩固衔接: measures over paragraphs, then 牵头领导：…（副县长） / 主办单位：X；协办单位：Y /
  时间节点：… lines.
- d71 稳就业: 若干措施 with no chapters, （牵头单位：X　配合单位：Y　完成时限：2024年起每年） labels
  apart by a blank.
- d72 优化营商环境: role verbs beyond 牵头 / 配合 (负总责, 统筹, 抓总, 主抓, 组织实施, 具体实施,
  协同推进, 支持), one bracket printed at the start of the next item's line, a 附件 list after the
  last measure, 抄送 and a 印发 line.
- d73 社会救助: a "排在第一位的为牵头单位，下同" note inside the first bracket, labels after their
  units (市财政局为牵头单位，市民政局、市审计局为配合单位), 各县（市、区）党委和政府, tags before
  the bracket (（民生实事项目）, （2024年10月底前）), a title ending in 重点任务.
- d74 生活垃圾分类: label lines set apart from their values by blanks (牵头单位　X / 配合单位　Y /
  完成时限　Z), an alias in brackets (市城市管理局（市城市管理综合执法局）), 1. restarting
  under each (一).
- d75 文物保护: two tab-parted tables, one under each (一), headed 序号 | 工作事项 | 牵头单位 |
  配合单位 | 完成期限 and 序号 | 主要内容 | 主责单位 | 协同单位 | 时间进度.
- d76 稳外贸: duties divided by the units' own duties or by place (按各自职责分工负责, 按照各自
  职责抓好落实, 按职能职责负责, 按属地落实), X会同Y负责, 某海关, 亿美元.

Round 11 (branch genre11), topics not yet used, at 省, 市, 县 and 区 level:

- d99 科技成果转化 三年行动 of a province: 省直 units (省发展改革委, 省地方金融管理局) and
  各市（州）人民政府 / 各地, a 责任单位：同上 line naming the measure before's units, 亿元,
  年均增长8%, 翻一番 before 达到4000家, 全覆盖 (no target), 每年年初.
- d100 人口老龄化应对 任务清单: a trailing （以上任务由X负责，Y配合） after each chapter's
  last item covering its list, 85%—90% (a range), 不低于上年 (no numeral), 万人次.
- d101 民营经济 若干措施: 第一部分/第二部分 with (一) sections and 1. measures, 责任单位：
  lines, 人行南溪县支行, 亿元, 家次, 按月; an 附件 indicator table after the measures.
- d102 城市内涝治理: 1. headings over (1) measures (numbered on through the chapter), ①②
  sub-points before a bracket, 公里, 座, 万立方米, 每周.
- d103 耕地保护 整改台账: a tab table with 责任领导 (people), 配合单位 empty for a row and
  备注 columns, 万亩, 每年年中, two signers.
- d104 食品安全“两个责任” 工作要点: A. B. items restarting under each 一、 over 牵头单位：/
  配合单位： lines, 第一，第二， provisions under 工作要求.
- d105 校园安全 专项整治: 第1条 articles numbered in Arabic digits, （责任单位同第1条）
  brackets, 每学期, 全覆盖.
- d106 网络安全 工作要点 of a province: 省委网信办 leading, 按职责分工负责, 省直有关部门,
  each bracket a role verb, 以《…规划》为指引 (a parent), 较2020年提高15个百分点, 每两年.
- d107 殡葬改革 三年行动: 第一部分 chapters over (一) sections and 1. measures, 牵头单位：X；
  配合单位：Y on one line, 逐年 (no recurring marker), 每两年, an 附件 indicator table.
- d108 退役军人服务 分工表: a tab table whose 配合单位 cell is empty for some rows, 按月 and
  每年年初 in the 完成时限 column.
- d109 河湖“四乱”: (一) measures over 责任单位：…；完成时限：… lines, 公里, 每季度/每月/每周
  quotas in one sentence, 每三年.
- d110 矛盾纠纷化解: (一) sections over 1. measures with (1) sub-points over their bracket,
  较2020年下降15%, 每周 and 每日 (no marker), two signers.

Round 10b (branch fazhi10): 法治 plans, the genre the issue is judged on, copied the way
real pages are scraped:

- d89 法治政府建设实施方案 of a county: a portal's breadcrumb and 索引号 | 发文字号 | … table on
  one line, 字号 大 中 小, 浏览次数, a covering notice, goals under （二）主要目标 in a sentence
  ending 取得重大进展, a 附件下载 list.
- d90 八五普法规划 of a district: a document-sharing copy (site caption, 由会员分享 banner,
  page-chunk numbers 1、 before the title, 2、 before （四）, 3、 at the end, its foot lines),
  two signers, (一) measures with 责任单位 brackets.
- d91 法治社会建设实施方案 of a 盟: traditional characters with pinyin readings (區(qū),
  會(huì)), 「」 quotes, 旗县市区 / 嘎查村 / 苏木乡镇 words, goals under 總體要求.
- d92 依法治县 工作要点: a news page (当前位置, 来源 and 浏览次数 line, 责任编辑, 上一篇/下一篇),
  责任单位：… on the line after each item, 县人大常委会 / 县政协 / 县法院 / 县检察院.
- d93 民主法治示范嘎查村 创建方案 of a 旗: a title over two lines, 一、创建目标, 旗委依法治旗办,
  旗纪委监委, 各苏木乡镇（街道）.
- d94 普法责任清单: a table of 序号 | 责任单位 | 普法重点内容 | 普法对象 | 完成时限 (the unit
  before the duty), 活动10场 and 培训2期 frequencies, 人次 a target.
- d95 法治督察 工作方案: 督察内容 items that are provisions, three measures with dated headings,
  各被督察单位.
- d96 法治建设考核 方案: 考核内容 items with 分值 (provisions), an 附件 of indicators with no
  units, 信息来源 on the title's page line.
- d97 公共法律服务体系 建设方案: a body without units, then 附件1 a 任务分工表 pasted with tabs,
  and a 相关解读 paragraph after it.
- d98 法治社会 征求意见稿: a 关于公开征求《…》意见的公告 with 附件：1.… 2.起草说明 over the
  draft, then the 起草说明 (一、起草背景 …) after the plan.

Round 11b (branch fazhi11): 法治 plans as EXCERPTS, the way the corpus's real pages cut them:

- d111 法治政府 实施方案 from its 5. on: measures before the first chapter heading (chapter
  null), （上接第1页） and （下转第3页）.
- d112 八五普法 规划 cut off inside its 8. (no bracket, the sentence unfinished), 【】 brackets.
- d113 a 通知 transmitting two plans (附件：1.… 2.…, then 附件1 over the first, 附件2 over the
  second): gold takes the first plan, the page's title and issuer, as the notice lists it.
- d114 a news article paraphrasing the plan (近日，某县印发…，方案提出…) before quoting it
  whole, 以下为方案全文, the party committee's signature and a 责任编辑 line.
- d115 公共法律服务 方案 with a 目录 and only part of its body, 第3页 共12页 and 网页链接
  between every few measures, 〔〕 brackets, goals under 一、总体要求.
- d116 行政执法三项制度 方案: brackets opened 【 closed 〕 and opened 〔 closed 】, ; and ，
  and 、 mixed, 牵头单位；X, 牵头单位：X、责任单位：Y.
- d117 矛盾纠纷多元化解: (一)… sections with no chapter, measures 1. restarting in each.
- d118 镇 法治政府 方案: （1）… measures under 一、 chapters, some without units, 100%经过….
- d119 法律顾问 方案 in traditional characters with pinyin readings (信訪(fǎng)).
- d120 普法 excerpt starting at (三) of a chapter, measures 11.–14., then 四、保障措施 and the
  signature.
- d121 法治社会 方案 cut after its chapter 三, the portal's foot (主办单位, ICP备 …) under it.
- d122 矛盾纠纷多元化解 excerpt from 二、 in ASCII punctuation ((一)加强组织领导.各乡镇…), units
  parted by a full-width blank (县法院　县公安局).
Round 12 (branch genre12), kinds of issuer not yet used, their own units:

- d123 省级 实施意见 分工方案 under a 办公厅 notice: 省直 units, 国网…省电力公司, 各市州人民政府
  负责落实, 各市州党委和政府, 省直有关部门.
- d124 自治区 三年行动: 自治区X厅 units, 各盟市行政公署、人民政府 (各 governs the bare 人民政府),
  各旗县区人民政府, 亿人次.
- d125 直辖市 区级 方案: 区X委 / 区X局 beside 市规划自然资源委云台分局 and 市文物局 in one list,
  牵头单位 / 配合单位 lines, 各街道办事处.
- d126 新区 党工委 管委会 notice: two bodies on the signature line, 牵头部门 / 配合部门, 新区党工委
  政法委, 新区纪工委, 压缩至30个工作日以内 (a time limit, no target).
- d127 高校 内部方案: 责任处室：X；协同单位：Y on a line of their own, 处室 and 各学院 / 各二级单位,
  a company of the university, signed by the university.
- d128 街道 网格化 方案: （责任科室：…；责任社区：各社区）, 责任人 (a person), 每日 / 每周 duties.
- d129 部门 内部 分工: 责任科室 / 配合科室 lines, 科室 and 执法大队 as units, 各市场监管所 (市场
  opens no place 市).
- d130 工作台账 under a covering notice: 序号 | 重点工作 | 责任单位 | 进展情况 | 完成情况
  (two columns of no role), a 说明 after it.
- d131 督查通报: 关于…的通报 as the title, 存在问题 (一)(二) that are no measures, （整改单位：…）.

Round 13 (branch genre13), topics other than 法治, layouts not yet used:

- d132 近视防控 方案: units with a parenthesised note in every bracket (县教育局（含县教育科技局）,
  县卫健局（县疾控中心）), 每年开展1次 and 定期 duties, 各中小学校, 间 a counter.
- d133 农村供水 工作要点: 牵头单位：X　　分管领导：副县长Y on one line over 配合单位 / 完成时限
  lines, 处 a counter, 千人以上 (no numeral), 长期坚持.
- d134 四好农村路 三年行动: brackets with 责任单位 first and 牵头单位 second, and
  （责任单位：…　完成时限：…） parted by a full-width blank, 其中2024年完成100公里 after a total.
- d135 消费帮扶 任务清单: a tab table with 联系人 and 联系电话 columns (people, telephone
  numbers), 6场以上 a frequency, 人次, a 说明 after it.
- d136 防止返贫 方案 under a covering notice: a page's running header (某县人民政府办公室文件 /
  县政办发〔2024〕12号) repeated with each page number, one cutting a sentence, one a bracket.
- d137 重点项目 任务分工: chapter headings that name the lead and 牵头事项 (一、县发展改革局牵头
  事项), items with a （配合单位：…） tail or none, 五、各乡镇人民政府 over an item with none.
- d138 修订通知: 关于修订《…要点》部分任务的通知 giving only the changed measures (3, 8, 12, 13,
  15) under 一、第3项修订为：, the plan revised no parent, a 联系人 / 联系电话 line above the
  signature.
- d139 秸秆禁烧 清单 of a county: 乡镇 units named by place (城关镇、白石镇、青石乡…), a goal in
  the purpose sentence (力争…达到93%以上，制定本任务清单).
- d140 供热保障 方案: 1.1 / 1.2 numbered measures under 一、 chapters, a 2024—2025年度 period, 台.
- d141 政务公开 工作要点: a measure of several sentences each closed by its own (X负责), the
  units of all of them the measure's.
Round 13b (branch fazhi13): 法治 plans of kinds rounds 10, 10b and 11b had not tried:

- d142 州 法治政府建设 工作要点 under a 依法治州委员会办公室 notice: 州直 units, 各县（市）人民政府,
  a bracket broken across two lines after a comma or a semicolon, 年底前 / 长期坚持 in it,
  州委全面依法治州委员会各成员单位.
- d143 法治督察 反馈问题 整改方案: （一）问题1：… sections, measures restarting at 1. under each,
  责任单位：…。整改时限：…。 on the measure's line after its full stop, 抽查执法案卷不少于200卷.
- d144 镇 民主法治示范村 创建方案: 镇司法所 / 镇综治中心 / 各村（社区） units, 法治宣传栏20块, a
  bracket broken after its comma, 每个村配备1名法律顾问 (no target, as d128's 配备1名).
- d145 法治建设 考核指标 (（20分） sections, no measures) then 重点工作 over 牵头单位 / 配合单位 /
  完成时限 lines, 评查…案卷300卷, 普法宣传栏50块.
- d146 行政复议 体制改革 方案: 一、改革目标 goals, role-verb brackets closed by a deadline or a
  pace (（县司法局牵头，县政府各工作部门配合，2024年9月底前完成）), a labelled bracket broken
  mid-list with no separator (县政务服务中心 / 县信访局 on two lines).
- d147 诉源治理 方案 of a 政法委 and a 人民法院: two signers, 县人民法院白沙人民法庭,
  （X负责，Y配合，长期坚持）, 在辖区村（社区）设立法官工作室12个, 不超过30日 (a time limit, no
  target).
- d148 法治宣传“八进” 活动方案: 一、活动目标 goals, (一)法律进机关。… sections as measures, 在辖区
  中小学校建设法治宣传角30个, 活动不少于200场 (a frequency, no target).
- d149 依法治县委员会 工作规则 and 年度工作要点 under one notice
  (…《…工作规则》和《…工作要点》的通知): the rules' articles are no plan, the 要点 gives
  the title; 县委依法治县办 and 县委全面依法治县委员会办公室 both lead, 委员会各成员单位.
- d150 国家工作人员 学法用法制度: 第一章 总　则 … 第四章 附　则, 第N条 articles carrying brackets,
  a title ending in 制度.
- d151 市 示范创建 方案: brackets on the line under the text, broken over two lines, 市委依法治市办
  and 市委全面依法治市委员会办公室, 各县（市、区）至少打造1个… as a goal.
Round 14 (branch genre14), topics other than 法治, kinds and layouts not yet used:

- d162 巡察 反馈意见 整改方案 of a 局党组: 问题：… under (一) sections, measures numbered
  【1】…【6】 over 责任领导 / 责任单位 / 整改时限 lines, the bureau's own 股室 (办公室,
  机关党委) as units.
- d163 民生实事 项目 方案: ★ before a key project's number (★1.新建…), 建设内容 and 计划投资 …万元
  in each titled measure, 各乡镇人民政府.
- d164 创建国家卫生城市 任务分解: 1.1.1 测评 codes under 一、 chapters with no (一) lines between,
  市爱卫会各成员单位, 每年至少召开2次, 定期.
- d165 招商引资 目标 分解: each measure opens with its unit and a colon (县发展改革局：引进…15亿元),
  a （配合单位：…） tail or none, 总体目标 in 亿元 and 个.
- d166 森林防火 责任分工 by 乡镇: （包保县领导：X；责任单位：…）, a person's field, 城关镇：负责…
  (a place, no unit), a ‰ goal in the purpose sentence after a 确保 clause, a 2024—2025年度
  period.
- d167 双拥 退役军人 工作要点: measures 〔1〕…〔8〕, units parted by a blank only
  (县人力资源社会保障局 县财政局), 县政府办 in one bracket and 县人民政府办公室 in another,
  kept as printed.
- d168 优化营商环境“十大行动”: 行动一 … 行动十 as the chapters, ▲ before key tasks' numbers,
  人行南塘市中心支行, a 行动计划 parent.
- d169 “十四五” 规划纲要 重点任务 分工 under a 关于印发 notice: each measure the 纲要's sentence in
  quotes over 牵头单位 / 责任单位 lines, 县政府办 leading, 每千人口 a per-capita target.

Round 14b (branch fazhi14): 法治 plans of kinds rounds 10–13b had not tried:

- d152 省 法治社会 实施方案 分工方案 of a 依法治省办: 省直 units, 人行沅川省分行, 各市（州）党委和
  政府, chapter numerals skipping (一、 二、 四、 五、 六、), 3亿条, 每年…5万件以上 (a quota).
- d153 宪法宣传周 活动方案: units in a trailing sentence (本项活动由X牵头负责。) or a trailing
  clause (…，由X负责，Y配合。), 四、工作要求 (一)–(三) sections.
- d154 禁毒 法治宣传 方案, a scanned OCR copy: l. for 1., 2O24 for 2024, 3O0块, l0所, a date
  2O24年3月l2日, 「」 quotes.
- d155 民法典 宣传月 方案: two measures numbered 5., 每个街道举办讲座不少于2场 (a frequency).
- d156 检察 公益诉讼 协作 方案 of a 政法委 and a 检察院: （牵头单位：…；分管领导：县人民检察院
  副检察长刘某某；配合单位：…） (a person between the unit labels), 每半年, two signers.
- d157 法治文化阵地 三年行动: 一、建设目标 goals, 公园 / 长廊 / 教育馆 / 基地 counts, 完成时限 in
  the bracket, two signers.
- d158 镇 法治建设 年度计划: 镇司法所 / 镇综治中心 beside 石溪派出所 and 石溪人民法庭 (named
  after the town, no 镇), 龙潭村 / 柳塘村, 各村（社区）.
- d159 律师 公证 行业 整治方案: 一、整治目标 goals, 市司法局律师工作科 (a section of a bureau),
  X牵头；Y配合 brackets, 三、时间安排 stages as sections.
- d160 法治化营商环境 方案: measures without units, then 附件 a 任务分工表 whose 序号 1–5 rows give
  the body's measures their units by their 重点任务 and whose rows 6 and 7 add tasks of their own.
- d161 党政主要负责人 推进法治建设第一责任人 职责清单: duties numbered 1.–7. under one heading per
  post (一、县委主要负责人职责): measures with no units (a post is no unit), a 规定 as the parent.

Round 15 (branch fazhi15): 法治 plans of kinds rounds 10–14 had not tried:

- d172 镇 行政执法“三项制度” 落实方案: 责任单位： alone on its line, the units on the next, 镇综合
  行政执法办公室, 一、工作目标 goals by 2025年底.
- d173 信访工作法治化 方案: chapters of measures without units, each closed by 以上任务由X牵头，
  Y配合。, 县纪委县监委, 每月至少安排1天 a duty, a deadline in 五、工作要求.
- d174 依法治市办 年度 督察计划: a tab table 序号 | 督察任务 | 督察对象 | 时间安排 | 责任单位, the
  序号 in Chinese numerals (一 … 五), 督察对象 naming bodies that are no units.
- d175 青少年法治教育 方案: a tab table opening with a 类别 column merged over its group's rows
  (类别\t序号\t任务内容\t责任单位), 法治副校长, 各中小学校, 每学期 duties, three signers.
- d176 法治乡村 “一村（社区）一法律顾问” 方案: d172's label lines, 各乡镇司法所, 6000元 (no
  target).
- d177 法治政府建设示范创建 自评 整改清单: each problem a titled measure (问题。整改措施：…),
  区直各行政执法部门, and a deadline (于2024年12月15日前) in the sentence before the signature.

Round 16 (branch fazhi16): 法治 plans of kinds rounds 10–15 had not tried:

- d190 “九五”普法规划 (2026—2030年) 分工方案 of a 州: 专栏 boxes between the sections (宣讲团1个,
  主题公园1个: no measures, no plan targets), 团州委, 州直各有关部门, 每年12月4日.
- d191 县级市 落实《法治政府建设实施纲要（2021—2025年）》重点措施: each number alone on its line,
  the 【X牵头，Y配合】 bracket on the next, the text after it, the signature right under the last
  text; the title naming the 纲要 with its years.
- d192 法治社会 实施方案 中期评估后 调整 通知: only the changed measures (4, 9, 15, 22), each
  tagged （原第4项）, （原第15项，2023年已调整） or （新增）, 7个工作日内 (no target).
- d193 镇 党政主要负责人及班子成员 法治建设 责任清单: duties under 一、镇党委书记 / 二、镇长 /
  三、班子成员 (people, no units), two signers on one line.
- d194 “一规划两方案” 任务台账 of a 区: one tab table (序号 | 重点任务 | 牵头单位 | 责任单位 |
  完成时限) with 每年 / 2025年底前 / 2026年6月, the three plans named 为推动《…》《…》《…》落地落实.
- d195 旗 法治建设 考核指标体系 及 重点措施: （15分） sections (no measures), then measures,
  苏木乡镇 and 嘎查村, 抽查案卷不少于300卷.
- d196 通知 with its own items 一、二、三、 quoting the plan's measures, then 附件 the 工作要点:
  the notice's items are no chapters of the plan, （县司法局负责）.
- d197 守法普法 工作要点 whose lead is a 协调小组 of the 依法治县委, 〔〕 and （） in one list,
  lists ending 等 / 及各乡镇人民政府 / 按职责分工负责 / 协调小组各成员单位, an OCR break
  mid-sentence before a quantity (…律师数达到 / 3.5名以上。).
Round 17 (法治) (branch fazhi17): 法治 plans of kinds rounds 10–16 had not tried:

- d210 法治政府 示范创建 “对标补短” 方案 of a 市: 指标 items numbered 1-1 … 1-8 under （一）
  sections, each 短板：…。补短措施：… (no title), 牵头单位 named by abbreviation then full name
  (市委编办（中共澄川市委机构编制委员会办公室）), a 《办法（2023年修订）》 title in the text.
- d211 行政执法“三项制度” 落实方案 of a 县: brackets of units parted by blanks only, no label
  (（县司法局 县政务服务中心 县大数据中心）), 《…办法》（州政府令第12号） in a measure's text.
- d212 公共法律服务体系 三年行动方案 (2025—2027年): 年度 goals in one sentence (2025年，…；
  2026年，…；2027年，…), 各乡镇人民政府、各街道办事处.
- d213 “民主法治示范村（社区）” 培育方案 of a 县: 责任单位：各乡镇人民政府，县委依法治县办,
  州级/省级 goals, 不低于…20%的比例, 每季度 and 定期 duties, stages as （一） sections.
- d214 州政府 常务会议 学法计划: items 1.1月：… 8.12月：… (a month after the number), 组织单位
  / 配合单位 labels, 州国家安全局.
- d215 州 2026年 法治建设工作要点: items 1.–20. across six chapters without restarting,
  各县（市、区） and 州直各部门.
- d216 法治宣传 “提质增效” 行动方案 of a 区: measures 1.–8. without units, then 三、责任分工
  "1.区委宣传部、区司法局；2.区司法局，各街道办事处；…" (a parallel list).
- d217 镇 法治宣传教育 月历 copied from a page printed in two columns: each line holds a line of
  months 1–6 and one of months 7–12 (read column by column; its run-in and hard-wrapped
  copies mix the columns and are left out).

Round 18 (法治) (branch fazhi18): 法治 plans of kinds rounds 10–17 had not tried:

- d230 法治社会 实施方案 of a 区 under its covering notice: (1)(2)(3) measures under 1. 2. 3.
  under 一、 with units at the (1) level, 区委政法委（区委依法治区办）, a measure's line broken
  before 1.5万人次 (no decimal outline's number) and another before 2025年底前.
- d231 “法律明白人” 培养工程 方案: 牵头部门： / 协办部门： lines under each measure,
  县委政法委（县委依法治县办）, 至少培养…6名, 每年…每期不少于3天.
- d232 行政复议体制改革 落实方案 of a 县: 复议机构, 县政府各部门 and 各乡镇人民政府 as collectives,
  配备…不少于4名.
- d233 法治建设 “十大行动”: 行动一 … 行动十 under 一、行动内容, each over 牵头领导： (a person) and
  牵头单位： lines naming the lead of its three measures, 各县（市、区）党委和政府 in a text.
- d234 平安建设与法治建设 “双考核” 任务: 牵头单位： / 配合单位： lines, 各乡镇（街道）, 县直各部门.
- d235 涉外法治 工作要点: 海宁湾海关 and 海宁湾海事局 (named after the place, no 市), an 附件
  table printing two measures again after the signature (the measures are the 要点's: gold).
- d236 网络法治 宣传方案: 市委网信办 the lead of most measures, 团市委, 每月 / 每季度 duties.
- d237 法治化营商环境 “体检” 整改清单: 问题：/整改措施：/责任单位：/整改时限：/整改状态： lines,
  整改状态 (已完成 / 推进中) no unit nor deadline, 长期坚持.

Round 19 (法治) (branch fazhi19): 法治 plans of kinds rounds 10–18 had not tried:

- d250 法治政府 示范创建 “对标补短板” 任务清单 of a 县: 【牵头】X【配合】Y under each measure, 1. 2.
  restarting in every chapter, 县政府各部门 and 县直各行政执法部门.
- d251 乡镇（街道） 法治建设 “六个一” 任务: 责任单位：县委依法治县办，各乡镇（街道）, 县委全面依法
  治县委员会各成员单位, a chapter heading ending with its bracket of labels over 5.–7. with none.
- d252 行政执法 “三项制度” 落实方案 of a 市: （一）…（十一） measures across chapters, 市纪委市监委,
  保障措施 items that are provisions, a 说明：… paragraph before the signature (no measure).
- d253 民法典 宣传月 活动方案 of a 区: 牵头单位：/配合单位：/完成时间： lines, deadlines 5月10日前
  with no year, 团区委.
- d254 领导干部 应知应会 法律 学习计划: 第一季度 … 第四季度 on lines of their own over 1.–8. (no
  sections: no numbering), 组织单位 / 配合单位 in the bracket, 县国家保密局.
- d255 “枫桥经验” 实施意见 under its issuers' line (中共渌塘县委　渌塘县人民政府 over 关于…, the
  title as printed), 县人民法院 and later 县法院 (kept as written), 人民调解委员会186个.
- d256 法治督察 反馈问题 整改方案: 1.关于…的问题。 over 整改措施： (1)(2) and 责任领导 / 责任单位 /
  整改时限 lines, 每月 a duty.
- d257 法治文化阵地 三年行动方案: （一）…（三） naming no units over a 附表 after the
  signature (序号 | 工作任务 | 责任单位 | 完成时限 | 备注, 备注 按季度报送 no unit nor duty,
  as d103's 按月报送进度), the rows the measures; 法治文化公园5个 / 广场12个 the plan's goals.

Round 20 (法治) (branch fazhi20): 法治 plans of kinds rounds 10–19 had not tried:

- d270 州 法治社会 实施方案 with a 各县（市）分解落实 chapter: 一、 chapters over （1）–（11）
  with no （一） level, each over a 责任单位：州司法局（牵头）、州法院、… line (the lead tagged).
- d271 “谁执法谁普法” 责任清单 grouped by unit (一、县公安局): items of 普法内容： / 重点对象： /
  普法形式： fields (no headings), 配合单位： lines, a closing 各责任单位于…报… paragraph.
- d272 民主法治示范村 创建: ①②③ sub-lists inside a measure, "X、Y按职责分工负责。" ending each
  paragraph without a bracket, 创建步骤 stages as sections, two signers.
- d273 诉源治理 (县人民法院 牵头, 各乡镇 人民调解): a page footer (—5—) between blank lines cutting
  a unit name of a bracket (县人力资源和社会 / 保障局）), 县公安局交通管理大队.
- d274 信访工作法治化: one paragraph in traditional characters (牽頭單位：市信訪局), 市纪委市监委,
  the 《信访工作条例》 no parent.
- d275 行政规范性文件 清理: 自查 → 审核 → 公布 阶段 items with their dates as headings, a
  责任单位 line of collectives only, 每两年 no duty.
- d276 律师行业党建 + 法律援助 “应援尽援”: a 附件：1.…任务分工表 2.…名单 list before the
  chapters, the 附件1 table of the same tasks after the signature (the body's measures: gold).

Round 21 (法治) (branch fazhi21): 法治 plans of kinds rounds 10–20 had not tried:

- d290 党政主要负责人 推进法治建设第一责任人 职责清单: 1)…11) items (ASCII numbering) under
  一、县委主要负责人职责 / 二、县政府… / 三、乡镇…, no units anywhere (the duties are a
  person's), 每年至少… duties, 党政机关法律顾问覆盖率达到100%.
- d291 法治宣传教育 “七进”: each 进 a （一） section whose heading ends with its bracket
  (（一）法治宣传进机关（牵头单位：县委组织部、县司法局）) over 1. measures with none, 各成员单位
  as a section's lead (a collective), a 规划 as the parent.
- d292 行政执法协调监督 工作体系 (县 乡 两级, 司法所): measures opening with their units and a
  colon, one or two (1.县司法局：…, 3.县司法局、县政务服务管理局：…) beside measures whose
  unit is the subject (2.县司法局要加强…) closed by a bracket with the date first
  (（2025年6月底前，县司法局牵头）), 【重点任务】 lines, 12345 (no target).

Round 22 (法治) (branch fazhi22): 法治 plans of kinds rounds 10–21 had not tried:

- d293 涉企行政执法 “观察点”: measures naming no units over an annexed 任务分工表 whose
  任务编号 cells name each by its section's numeral and its number (（一）1, （二）3).
- d294 民法典 宣传月: stages as chapters, the same table by 一、1 … 三、7 cells, 县委依法治县办
  （县司法局） one unit, a closing 联系人：… 电话：… line after the last measure.
- d295 法治文化阵地 三年行动: 牵头单位： / 责任单位： lines under each measure, the contact
  line under the last measure's labels, 工作目标 goals for 2027.
- d296 行政复议 体制改革: signed above 附件 and its table, whose 牵头单位 cell is printed on
  its group's first row only (blank below), a 法 that is no parent.
- d297 法治政府 建设 示范 创建 指标 任务 分解: a plan that is only a table (序号 | 指标任务 |
  分值 | 牵头单位 | 责任单位 | 完成时限), chapter rows, the 分值 column read past, merged leads.
- d298 乡镇 综合行政执法 赋权事项 承接: a 保障措施 chapter of （一）加强组织领导。… paragraphs
  naming no units (sections, no measures), 县直各执法部门 a collective.
- d299 领导干部 应知应会 法律法规 清单 学习: signed above a bare 附件 and its table, 全年…不少于
  12次 (a frequency, no target nor duty).
- d310 “民主法治示范村（社区）” 创建: measures ended by a dash list of units (…。——县民政局、
  县司法局), 县委依法治县办（县司法局） in one, two signers under the last list.
- d311 “谁执法谁普法” 普法责任制 工作要点: ASCII brackets with blanks inside (( 牵头单位:
  县委依法治县办 ; 责任单位: … )), a contact line after the last measure's bracket.
- d312 信访工作法治化: measures numbered 1. 2. again in each chapter, named by 一、1 … 三、2
  cells of an annexed table, a 保障措施 chapter of （一）… paragraphs, a 条例 no parent.

Round 23 (法治) (branch fazhi23): 法治 plans of kinds rounds 10–22 had not tried:

- d313 法治督察 年度 工作计划: 督察事项 per 季度 as sections, each section's units on a line
  of their own BEFORE its numbers (县委依法治县办牵头： / 县司法局牵头，县政务服务管理局配合：
  over 1. 2.), 被督察单位 named in the text as objects (对县市场监管局…开展督察), no units.
- d314 四级 调解 平台 建设: measures 一是…（X牵头，Y配合）；二是…；三是… inside one paragraph
  under each （一） section, 各乡镇人民政府 a collective, a 2026 goal in 一、工作目标.
- d315 法治化营商环境 "十项举措" in ASCII punctuation throughout (, : ; ( ) "…"), units with
  in-word spaces (县 司法局), a title ending in its quoted kind, 压缩至60天以内 (no target).
- d316 重大行政决策 事项目录 under its covering notice (关于公布…的通知), the 目录 a table
  copied from WPS one cell per line with an empty line between rows (序号 / 决策事项 /
  承办单位 / 完成时限), 2025年12月底前（长期坚持）, a 条例 no parent and a 规定 the parent.
- d317 a 镇's 重大行政决策 事项目录 one cell per line right under its title (决策事项名称 /
  承办单位 / 计划完成时间), a closing 说明：… paragraph, 镇…办公室 units.
- d318 基层法治观察员 “八项举措”: units on lines of their own before the numbers, one under a
  chapter heading and one between two measures of the same chapter (…动态退出。 over 区司法局
  牵头，各街道办事处配合： over 3.), 每半年 / 每季度 duties, 2025年12月底前（长期坚持）.

Round 24 (法治) (branch fazhi24): 法治 plans of kinds rounds 10–23 had not tried:

- d330 坚持和发展新时代“枫桥经验” 实施方案 under its covering notice: （一） sections over 1、
  items closed by one trailing （责任单位：各乡镇） (a collective only, shared by the items
  above), and 1． / 2. measures each over a 责任单位：县法院（牵头）、… line (the lead tagged
  inside the list).
- d331 乡镇 法治建设 工作要点: measures numbered 1． (full-width period) and 2. in one plan,
  镇党政办 / 镇司法所 units, two signers (镇党委 and 镇人民政府), 8场以上 (no target).
- d332 法治政府建设 年度报告 反映问题 整改清单: items 1.问题：… over 整改措施：… / 责任单位：X
  （牵头）、… / 整改时限：… lines; the text keeps both lines, as d88, d225 and d237 do.

Round 25 (法治) (branch fazhi25): 法治 plans of kinds rounds 10–24 had not tried:

- d333 证明事项 告知承诺制 推行 工作方案 under its covering notice: "牵头领导：…同志" lines (a
  person, no unit) under （一） headings and between two measures, brackets mixing a label
  and a verb (（责任单位：县委依法治县办、县司法局按职责分工负责）: responsible, as d197).
- d334 行政裁量权基准 制定 工作方案: measures "第一，…" inside 二、, each closed by
  （X牵头，Y配合；2025年6月底前完成） or （…；长期坚持）; 保障措施's 第一，… paragraphs name no
  units (provisions).
- d335 涉企行政执法 专项整治: a tab table 序号 | 整治任务 | 牵头单位 | 配合单位 | 完成时限 under
  三、 (2025年6月底前 / 每季度 / 长期坚持 cells); 工作要求's （一）–（三） after it are
  provisions, no sections (as d16, d66, d175).
- d336 矛盾纠纷 排查化解 专项行动: decimal items 1.1 … 3.2 under 一、 with no bracket, each
  chapter closed by a sentence "以上工作由县司法局牵头，县法院、县检察院配合。".
- d337 社区矫正 工作要点: "第一，" / "第二，" measures restarting under each （一）, each over a
  "牵头单位：X　　配合单位：Y" line and a 完成时限： line (长期坚持 / 每季度 / 2025年12月底前).
- d338 政府法律顾问 工作方案 under its covering notice: （1） measures restarting under each
  一、, brackets with a 完成时限 field (2025年底前, 长期坚持, 每季度, 每年12月底前), "X、Y按职责
  分工负责" after a label (responsible) and alone (lead).

Round 26 (法治) (branch fazhi26): 法治 plans of kinds rounds 10–25 had not tried:

- d350 党政主要负责人 述法 工作方案: each measure's "（责任单位：…）" on a line of its own ABOVE
  it, the first right under its （一） heading, none below a section's last measure.
- d351 行政执法监督 “三书一函” 制度: a table copied from a web page, each row one line of cells
  parted by " | " (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限, the header 30 characters),
  保障措施 (二) ending "…约谈其主要负责人。" (a person, no units).
- d352 法治副校长 聘任和管理: titled measures naming no units over an annexed 任务分工 whose
  任务 cells repeat each measure's title only (序号 | 任务 | 牵头单位), two signers.
- d353 人民陪审员 工作 三年规划: "（牵头单位：…；配合单位：…）" lines above 1、 measures right
  under 一、 chapters, "…明确一名分管负责人。" in 工作要求.
- d354 “法律进企业” 活动: " | " rows under a 活动内容 column, 每季度 a duty, "…由县委依法治县办
  约谈其主要负责人。".

Round 27 (法治) (branch fazhi27): 法治 plans of kinds rounds 10–26 had not tried:

- d355 “谁执法谁普法” 普法责任清单 grouped by unit: each chapter heading a unit (一、县公安局)
  over its duties 1.… with no bracket (the heading unit the lead, as d271), a last chapter
  四、其他单位 whose duties close on （责任单位：…）.
- d356 行政机关负责人 出庭应诉 under its covering notice (附件 line, then the plan's title):
  titled measures closed by "此项工作由X负责，2025年12月31日前完成。" or "…负责，长期坚持。" (the
  deadline clause part of the attribution), "在规定期限内…" (规定期限 holds 定期: no duty).
- d357 青少年 法治教育基地 建设: every measure closed by "此项工作由X牵头，Y配合，2025年9月30日前
  完成。" or "…负责，长期坚持。", the last one right above two signers (run in: glued to them;
  hard-wrapped: no blank line between).

Round 28 (法治) (branch fazhi28): 法治 plans of kinds rounds 10–27 had not tried:

- d358 行政复议体制改革 实施方案: 1. measures under （一） sections, each over its own lines
  "牵头单位：X" / "配合单位：Y" / "完成时限：…" (2023年底前完成并长期坚持, 持续推进), ①②③ lines
  under two of them (parts of the measure), units written once with the county's name
  (苇川县司法局) and then abbreviated (县司法局), 保障措施 （一） paragraphs (sections).
- d359 包容审慎监管 (轻微违法行为不予处罚清单): a task table copied one cell per line right
  under 二、重点任务, its 牵头单位 cells "同上" and "〃" on rows that share the row above's
  lead, 持续推进 / 长期坚持 cells.
- d360 乡镇（街道）合法性审查全覆盖: titled （一） measures under 二、 and under 三、保障措施
  (restarting), each bracket holding a 完成时限 field (2024年6月底前完成并长期坚持), a bracket
  of collectives only (各乡镇人民政府、各街道办事处).
- d361 公职律师 工作推进: 1. headings (no measures, no sections) over ①②③ measures that
  restart under each and carry their own brackets, 每年…不少于2次 a duty.

Round 29 (法治) (branch fazhi29): 法治 plans of kinds rounds 10–28 had not tried:

- d362 重大行政决策后评估 实施方案: titled 1. measures under 二、 and 三、 with no bracket,
  their units given only in a closing chapter "五、任务分工" (第1—5项由X牵头，Y配合；第6—9项由…),
  保障措施 （一） paragraphs (sections).
- d363 行政规范性文件备案审查 工作要点: （1）–（8） measures with no chapters under a one-line
  "总体要求：…" paragraph, each bracket a single 责任单位 list marking its lead "（牵头）"; the
  last bracket line exactly at the wrap width over the signer.
- d364 “一村（社区）一法律顾问”: a tab table 责任单位 | 任务内容 | 完成时限 (the unit column
  first, no 序号), the lead marked by a trailing "*" (注：…标*的为牵头单位), a starred
  collective (各乡镇人民政府*), a 每年12月底前 deadline cell.
- d365 涉外法治 三年行动方案 as a PDF copy: the plan's title with its period (（2026—2028年）)
  printed again at each page's top under "— 2 —", one page break inside a measure's text,
  one inside its bracket between two units.

Round 30 (法治) (branch fazhi30): 法治 plans of kinds rounds 10–29 had not tried:

- d366 行政执法协调监督体系建设 任务分工: a tab table 序号 | 工作任务 | 主责单位 | 协同单位
  whose chapter rows (一、健全…) stand alone across it, collectives in either unit column
  (各乡镇人民政府, 各行政执法部门), a closing paragraph under it (各主责单位要于每年12月底前…).
- d367 基层法律服务所规范化建设: full-width １．–５． measures under （一） sections, brackets
  "（牵头单位：X；责任单位：Y）", one measure's units on a line of its own under it
  ("牵头单位：镇法律服务所；责任单位：各有关单位").
- d368 以案释法 和 网络普法: measures with no numbers at all (Word's numbering lost), each a
  paragraph closed by its bracket, under 二、 and 三、 chapters; 每季度 / 每年 / 定期 duties.

Round 31 (法治) (branch fazhi31): 法治 plans of kinds rounds 10–30 had not tried:

- d369 行政执法“三项制度” 推进: 1.–3. measures under 二、重点任务 closed by brackets, then
  4.–7. under 三、保障措施 with no bracket at all, their leads the subjects of their first
  words ("县司法局要…", "县财政局要…；县数据资源局要…"), 每年 a duty, 年度考核 no duty.
- d372 法治政府建设示范创建: 二、时间安排's stages as （一） sections with their months
  ("（一）动员部署阶段（2025年3月—4月）", 自评申报, 评估整改), each over bracketed 1. measures
  of its own, 三、保障措施 （一） paragraphs (sections).

Round 32 (法治) (branch fazhi32): 法治 plans of kinds rounds 10–31 had not tried:

- d339 行政执法质量评查: titled 1. measures each followed, after an empty line, by a paragraph
  of its own "责任单位：县司法局（牵头）、…" (the lead marked in the list), 每季度 / 每年 duties,
  年度考核 and 上一年度 no duty.
- d373 “八五”普法 中期评估 整改: a 县 plan quoting before each of its measures the 州 plan's
  item it answers ("1.（对应州方案第3项）…", two measures quoting the same item), measures
  under （一） problem sections, 每月 / 每学期 / 定期 duties.
- d376 公共法律服务 实体平台 建设: a Word table copied with merged cells, tab-parted, the lead
  printed once over three rows (and once over two), the other rows' lead cell empty beside
  their own 配合单位 (collectives: 各县（市、区）司法局).
- d377 “民主法治示范村” 复核: "第一部分　…" chapters over titled （一）–（七） measures numbered
  on across the parts, brackets parting 牵头单位 from 责任单位 by "；" and by ";", the goals
  under 第一部分　复核范围和目标.

Round 33 (法治) (branch fazhi33): 法治 plans of kinds rounds 10–32 had not tried:

- d383 普法责任制 履职评议: titled （一）–（十二） measures under 二、 (past ten), two of them
  with two brackets, the lead's after a clause inside the sentence ("…通报（县委依法治县办牵头），
  通报情况抄送县委组织部。（配合单位：县委组织部、县司法局）"), the goals under 一、评议对象和目标.
- d384 行政复议 规范化建设 台账: a tab table 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
  备注, the 备注 cells 已完成 / 持续推进 / empty (some rows with a trailing tab, some without),
  one row with no 配合 unit, 30日内 no target, 每年…不少于2次 a duty.
- d385 法治宣传教育 “七进”: untitled 1.–10. measures under the seven （一）法律进… sections,
  each bracket a 责任单位 list parting its units by "/" and "、" alike, most ending with 等
  (县教育局/县司法局、县公安局等), 每年 / 每季度 / 定期 duties, 常态化 and 年度工作计划 none.

Round 34 (法治) (branch fazhi34): 法治 plans of kinds rounds 10–33 had not tried:

- d386 法治督察 年度计划 under a covering notice whose 附件 line names two attachments, the
  plan 附件1 and its 任务分工表 附件2 after it (a tab table repeating the measures' units, one
  配合 cell empty), 督察对象 lists of 县直部门 (上半年： / 下半年：) that are no measures,
  年度述法 and 年度法治建设考核 no duty, 每季度 / 定期 duties.
- d387 矛盾纠纷 “四级” 调解平台 建设: brackets naming units of four levels
  (州司法局、各县（市）司法局、各乡镇（街道）司法所、各村（社区）调委会), the 州 unit alone a
  责任单位 and the three 各 lower levels collectives, goals under 一、建设目标, 每年 / 每月 /
  定期 duties. Both scored 1.000 printed, run in and hard-wrapped at once: no parser change.

Round 35 (法治) (branch fazhi35): 法治 plans of kinds rounds 10–34 had not tried:

- d394 “谁执法谁普法” 普法责任清单: a tab table 序号 | 责任单位 | 普法重点内容 | 普法对象 |
  完成时限 over three pages, each page after the first opening with "续表" and the header
  printed again, one row cut by the page (its content's and deadline's rest in a row of its
  own with empty number and unit cells), 县法院党组 / 县检察院党组 units, 各乡（镇）人民政府
  （街道办事处） a collective, 每季度末 / 每学期末 / 持续推进 deadline cells.
- d395 法治乡村 三年行动方案: measures numbered 1. afresh under each chapter, each bracket
  "（牵头领导：县委常委、组织部部长；牵头单位：X；责任单位：Y，各乡（镇）人民政府（街道办事处））"
  (the leader a post, no unit), 每年 / 每月 / 定期 duties, goals under 一、总体目标.
- d396 全面依法治县 工作要点: brackets broken over two lines after "；" or after "、", leads
  县人大常委会法制工作委员会, 县政协社会和法制委员会, 县委机构编制委员会办公室, 县人民法院党组,
  县直各部门党组（党委） and 县普法依法治理领导小组各成员单位 collectives, 每半年 a duty.
- d397 市 法治政府建设 重点任务分工: a tab table 序号 | 重点任务 | 省要点序号 | 牵头市领导 |
  牵头单位 | 责任单位 | 完成时限, its rows numbered 1 afresh under each chapter row, the
  省要点序号 cells "第3项" / "第15项、第16项" (the province's items the rows answer), the
  牵头市领导 cells posts (常务副市长).

Round 15b (branch genre15), topics other than 法治, kinds and layouts not yet used:

- d180 人大代表建议 办理分工 under a covering notice: a tab table 序号 | 建议号 | 建议内容 |
  主办单位 | 协办单位 | 办结时限, the 主办单位 the lead, 县自来水公司.
- d181 政协提案 办理 方案: 提案内容 rows, the header printed again after a page number (— 2 —),
  团市委, a 办法 as the parent, 总体要求 goals pledged with 确保 and no year.
- d182 环保督察 反馈问题 整改方案: each problem a (一) section with 整改目标 / 整改措施： over
  1.–3. measures closed by 责任单位：X（牵头）、… and 整改时限： lines, 每季度, 确保 goals.
- d183 重点项目 “挂图作战” 表: 序号 1-1, 1-2 under （一）产业项目 rows of their own, a 建设内容
  column, 责任领导 people, 时间节点 cells (3月开工，12月底主体完工), 万吨/日.
- d184 乡村振兴 衔接资金 项目 分解: a 资金规模（万元） column before 责任单位, （一）产业发展类
  rows, 各有关乡镇人民政府.

Round 10 (branch genre10), the 法治 genre at county, township and 旗 level:

- d77 法治政府建设工作要点: under a covering notice of the 依法治县办, brackets with 配合 before
  牵头 (（县政府办公室、县司法局配合，县委依法治县办牵头）), （责任单位：县委依法治县办，
  各成员单位）, 各承办单位, 同比提高5个百分点 after a 每年12月底前 duty, 控制在5%以内.
- d78 八五普法 年度计划: 任务1：… items over 主责单位 / 参与单位 / 完成时间 lines (团县委, 县妇联,
  县总工会, 县科协, 县融媒体中心, 县委党校), 力争…突破1000件, a 全年 target after a 每月 duty.
- d79 乡镇法治建设任务清单: items grouped under lines of one unit's name and a colon
  (党政综合办公室： / 司法所： …), restarting at 1. under each, 配合：… tails, no chapters.
- d80 法治督察工作方案: 督察对象 / 督察内容 / 督察方式 / 时间安排 as provisions, 整改任务 as the
  measures.
- d81 诉源治理任务分解表: a tab table whose 工作任务 cell covers several 具体措施 rows (序号 on
  each), 县人民法院 / 县人民检察院, 零增长 (no target).
- d82 依法治旗工作要点: （1） items, labels in swapped order (（配合单位：…；牵头单位：…）), 旗 and
  苏木/嘎查 place words, an elided 市场监管局 in a 旗's list (旗市场监管局), 各派出所.
- d83 税费服务若干措施: measures without units, two signers, then 附件 任务分工表 naming the units
  by 序号 only (序号 | 牵头单位 | 配合单位), 国家税务总局某县税务局, 国网某县供电公司.
- d84 冬春火灾防控工作方案: 第1项　… items over 责任单位：X（牵头），Y / 完成时限：… lines,
  零增长 and 同比提高5个百分点 and 1.2万人 goals, 每半年一次.
- d85 经开区法治化营商环境工作要点: 经开区管委会 bureaus eliding the committee
  (经开区管委会行政审批局、规划建设局), 科技创新局, a second bracket holding the deadline.
- d86 人大常委会监督工作计划: 承办机构 / 配合单位 / 安排时间 lines, 县人大常委会办公室.
- d87 “谁执法谁普法”责任清单: a tab table whose 责任单位 column comes first, merged over a
  group's rows (printed on the first), a 普法对象 column that names no units.
- d88 八五普法 中期评估整改方案: 1.问题：… over 整改措施：… and 责任单位 / 整改时限 lines, goals
  under 整改目标 dated 2025年9月底前.

Round 17 (branch genre17), topics other than 法治, kinds and layouts not yet used:

- d200 安全生产 专项整治 三年行动: 专题 sections over 1）2） measures, each 责任单位 line after a
  blank line, 较2023年分别下降15%以上 as the plan's goal.
- d201 营商环境 对标提升 清单 pasted from Excel: cells apart by runs of blanks, 指标名称 and
  对标城市 columns of no role before 提升措施, time limits (压缩至1个工作日内: no target).
- d202 就业 “十条”: 第一条 … 第十条, each paragraph closed by 责任单位：…。 with no bracket, a
  closing 本措施自印发之日起施行 paragraph.
- d203 “双减” 工作台账: 县教育局（分管领导：张某某） in unit lists, a measure across a
  第 1 页 共 2 页 footer, 每学期 duties, 不超过90分钟 (a limit, no target).
- d204 医保基金 专项整治: measures closed by ①–④, their units in a 注：①…；②… note after them.
- d205 数字政府 任务清单: project codes SZ-01 … SZ-08 as the only numbers.
- d206 防汛抗旱 成员单位 职责: one unit's name per chapter over its duties (the unit leads
  them, as d23's), 各乡镇人民政府 a collective chapter.
- d207 民营经济 若干措施: （责任单位：X；政策兑现单位：Y）, 给予一次性奖励50万元 and …标准的70%确定
  (no targets), 纾困资金5000万元 (a target).
- d208 县政府 重点工作 任务分解: 责任县领导：刘某某 (people) over 责任单位 lines, 增长6%左右.
- d209 文明城市 测评 任务分解: 1.1 测评项目 sections over 1.1.1 指标 with 责任单位 / 配合单位 lines,
  团市委, 200米范围内 (no target), a 说明：… note before the signature.

Round 18 (branch genre18), topics other than 法治, kinds and layouts not yet used:

- d220 农村人居环境 整治提升 行动: measures at 1. under （一） under 一、, each bracket on its
  heading line over （1）（2） sub-points (a fourth level), （1） opening a sub-point's target
  (新建改建…1500户, 整治农村黑臭水体8条), a 保障措施 chapter of （一） over 1. items that are
  no measures.
- d221 耕地保护 田长制 任务分解: each measure's units printed BEFORE its text, on the line of its
  number (1.牵头：X　配合：Y over the text), 完成时限： lines holding 长期坚持 / 持续推进, a
  牵头 collective (各镇人民政府).
- d222 河湖长制 工作要点: units after an em dash at each paragraph's end (…。——区河长办、各镇
  人民政府), 一是…二是…三是 inside one measure, 每季度/每月/每周 duties.
- d223 提振消费 若干措施: 资金3000万元 and 10亿元以上 targets, 最高8000元补贴 (no target), a
  table pasted with '|' separators and a 合计 row after a measure (no measures).
- d224 社会信用体系 工作要点: （一） measures with 牵头单位/配合单位/完成时限 in the bracket,
  中国人民银行某县支行, 持续推进 / 长期坚持, 红黑名单, 提高5个百分点.
- d225 统计造假 专项治理 整改清单: 问题：/整改措施： over 责任单位/责任人/整改时限 lines (people
  no units), two signers.

Round 19 (branch genre19), topics other than 法治, kinds and layouts not yet used:

- d240 森林防灭火 “林长制” 年度任务分解: 主责单位： / 协同单位： / 完成时限： lines under
  each measure, a deadline in two stages (2026年6月底前（阶段性）、
  2027年底前（全面完成）), 国网…供电公司 a lead, 县直各部门 and 各有关单位 as collectives.
- d241 电动自行车 全链条 整治: sections by 环节 (生产 / 销售 / 充电 / 回收),
  (责任单位：X，配合单位：Y) in ASCII brackets with a comma between the labels, units
  parted by blanks and 、 mixed.
- d242 养老服务体系 三年行动: each measure's "X牵头，Y配合" line after a blank line, a measure
  continued after a page footer (— 3 —), 保障措施 sections (no measures); hard-wrapped, the
  unit lines (no 。) stand right under the text.
- d243 民营经济 若干措施 of 市委 and 市政府 (a title over two lines, the issuers above it):
  第一条…第十二条 with （责任单位：…） at the end of each, a closing 第十二条 本措施自印发之日起
  施行 (a provision), 推动1000家中小企业上云用数 (a target), 最高500万元奖励 (none).
- d244 数字政府 工作要点: 市政务数据局 and 市大数据中心 as units, an 附件 重点任务清单 table
  repeating the measures after the signature (the measures are the 要点's: gold).
- d245 城市更新 年度项目清单: a tab table 序号 | 项目名称 | 建设内容 | 总投资（亿元） | 责任单位 |
  完成时限 (the 项目名称 read past as a topic), 新增绿地面积12公顷, 管网共计85公里.
- d246 燃气安全 专项整治 “回头看”: （一） measures over 主责单位： / 协同单位： lines, units parted
  by ideographic blanks, a measure continued after a page footer (— 2 —), 三、时间安排 stages.
- d247 校园食品安全 守护行动: （主责单位：…；协同单位：…；完成时限：…（阶段性）、…（全面完成））,
  brackets inside the bracket, 每学期 / 每季度 / 每月 duties, 区直各部门.

Round 20 (branch genre20), topics other than 法治, kinds and layouts not yet used:

- d260 高标准农田 年度任务清单: 亩 / 万亩 per 乡镇 (青禾镇新建…1.1万亩), a trailing
  （以上任务由X牵头，各乡镇负责） and （以上任务由X、Y负责，Z配合） covering the items above,
  goals under 一、年度目标 in a paragraph opening with its bare year (2025年全县新建…).
- d261 文旅消费季 活动方案: （一） activities over 活动时间 / 活动地点 / 承办单位 / 协办单位
  lines (承办 and 协办 both responsible, as d44's), 2025年3月—4月 spans, 85%—90% a goal,
  县（市、区）商务主管部门 (a collective without 各).
- d262 安全生产 治本攻坚 三年行动 (2024—2026年): chapters 第一、 第二、 第三、, measures under
  2024年：夯实基础 / 2025年：攻坚突破 / 2026年：巩固提升 stage lines (no sections), 较2023年
  分别下降15%以上 the plan's goal, 县安委会各成员单位.
- d263 医保基金 专项整治 of a 市: 责任领导 / 责任单位 / 配合单位 on one line apart by
  ideographic blanks, a measure's 一是…；二是…；三是… on lines of their own after a colon,
  完成时限：2025年3月—6月, 县（市、区）人民政府 and 各县（市、区）人民政府.
- d264 “高效办成一件事” 重点事项清单: a tab table 序号 | 事项名称 | 主要内容 | 牵头单位 |
  配合单位 | 完成时限 whose 配合单位 cell breaks over two lines (the copy kept the cell's own
  line break), the 事项名称 read past as d245's 项目名称.
- d265 稳岗扩岗 十条 of a 市: 一、…十、 measures with （责任单位：…） brackets, 每人1500元
  amounts (no targets), goals in the purpose sentence closed by 制定以下措施, a closing
  unnumbered 本措施自印发之日起施行 paragraph, 县（市、区）人民政府.

Round 21 (branch genre21), topics other than 法治, kinds and layouts not yet used:

- d280 优化营商环境 “提质增效”年 行动方案 under its covering notice: a 序号  工作任务  牵头单位
  配合单位  完成时限 table whose cells are apart by two blanks, each 工作任务 cell opening with a
  heading sentence (a table's row is untitled, as d22's), 县委组织部（县委人才办） leading (the
  alias dropped), 国网…供电公司 and 人民银行…支行, 每月25日前 (a recurring duty and the deadline)
  and 2025年第三季度 in the 完成时限 column.
- d281 县域商业体系 建设方案: ★ before some measures' numbers under （一） sections, every
  measure closed by a trailing 此项工作由X牵头，Y配合。 sentence on its own line, a deadline
  2025年第三季度前 inside a measure (the quarter part of the deadline), 每季度 / 定期 duties.
- d282 地质灾害 防治 年度方案: measures 一是 … 六是 at line starts under 四、重点工作, each with
  its bracket (X牵头，Y配合 / X、Y负责), 隐患点 counts in a 现状 chapter (no targets), 汛期 dates
  in a 重点时段 chapter, 每日 (no marker) beside 每周 and 每年.
- d283 反食品浪费 工作方案: （一） sections over measures opened by "▲ " with no number (d47's
  bullets under sections, not chapters), 县委宣传部（县文明办） leading, 每月25日前 / 每学期 /
  定期 duties, the 《反食品浪费法》 no parent, 2025年第三季度前 in the closing 工作要求.

Round 22 (branch genre22), topics other than 法治, kinds and layouts not yet used:

- d300 城镇老旧小区改造 年度计划: items ①②③ right under 一、 with no （一） level, restarting
  under each chapter; 改造户数 per 街道 after 其中 (其中城东街道改造1480户、…: targets of the
  year of the total), 公里, 部, 处, 万平方米, 每季度.
- d301 冬春火灾防控 方案 (a 2025—2026年度 period): bare unit lists whose lead carries a star
  (县消防救援大队*、县住房城乡建设局), under a "注：标*的为牵头单位。" line of its own between
  二、 and its first （一）; 各乡镇人民政府 starred nowhere, 每周 / 定期.
- d302 粮食安全 党政同责 任务分工: tab tables under each 一、 whose 牵头单位 cells say 同上 or
  〃 (the row above's lead) and whose 完成时限 cells say 持续推进 / 长期坚持; 万亩 / 万吨.
- d303 学前教育 普及普惠 行动方案 (2025—2027年): (一) titled measures over a line
  "责任领导：区政府分管副区长　　责任单位：…" (a post before the units, no unit), 公办园占比 and
  毛入园率 goals, 区政府教育督导室 as a unit.
- d304 电动自行车 全链条 整治: measures closed by a bracket of one unit and no label
  （县发改局）, beside X牵头，Y配合 ones; a title with no year (no period), 每月.
- d305 生活垃圾分类 工作要点: 责任单位： / 完成时限： lines whose lead carries a star, the
  "注：责任单位中标注“*”的为牵头单位。" note after the last measure, a starred collective
  (各区人民政府*: no lead), 场次 counts (no targets), 持续推进 / 长期坚持.
- d306 物业管理 提升 任务清单: a table of cells apart by two blanks with no chapters, its
  配合单位 cells 〃 and 同上 (各街道办事处, a collective, repeated), the 《…条例》 no parent.

Round 23 (branch genre23), topics other than 法治, kinds and layouts not yet used:

- d320 县域 医共体 建设 (2025—2027年): each （一） section names its lead once in its heading
  line (（一）提升基层医疗服务能力（县卫健局牵头）), its measures carry only 配合 units
  (（县人社局、县财政局配合）); 每年…不少于20天 a duty, a 2025年3月—6月 range in the text.
- d321 政务公开 工作要点: each measure's units in a bracket at the START of its line, before
  its number (【县财政局 县审计局】2.…), parted by blanks only (no 、), no label nor verb;
  【各乡镇人民政府 县直各部门】 two collectives.

Round 24 (branch genre24), topics other than 法治, kinds and layouts not yet used:

- d322 防止返贫 动态监测 帮扶: measures numbered 1） under （一） sections, each followed by
  lines of its own 责任领导：李建华 (a person, no unit) / 责任单位：… / 完成时限：…; 每月 /
  每季度 / 定期 duties, 风险消除率达到70%以上 the plan's goal.
- d323 城市内涝 治理 三年行动: a chapter's measures 1.–5. with no units of their own, closed
  by two lines "以上第1至3项由县住建局牵头，县水务局、县城管局配合。" and "以上第4至5项由县
  水务局牵头，各街道办事处配合。" that give units to the measures they number (a range,
  not the list above); the next chapter's measures in （X牵头，Y配合） brackets.
- d324 充电 基础设施 三年行动: a tab table whose columns come 序号 | 责任单位 | 重点任务 |
  完成时限 (the unit column before the task), its units parted by "/"
  (县交通运输局/国网云岭县供电公司), 各乡镇人民政府 a collective among them; the 保障措施
  items no sections (a table's plan, as d16 and d280).
- d325 古树名木 保护: measures numbered ⑴–⑺ (U+2474…) under （一） sections, bare unit
  brackets parted by "；" (（县林业局；县自然资源局；各乡镇人民政府）), two brackets broken
  by a hard line break inside them (…县住建局 / 配合）), 株 and 条 counts; no period.
- d326 全民反诈 宣传: measures "第一，推进反诈宣传进社区。…" at line starts (titled: 第一，
  is the number, not the title's), 规模以上企业200家 (以上 of 规模以上 no comparator's),
  每学期至少… a duty.

Round 25 (branch genre25), topics other than 法治, kinds and layouts not yet used:

- d327 新型农业经营主体 培育 三年行动: titled measures under （一） sections, each closed by
  （牵头单位：…；责任单位：…；完成时限：2025年6月） (three fields, a month deadline), units given
  as "县财政局及各乡镇" (各乡镇 a collective), "县税务局等" and a lead "县农业农村局及各乡镇".
- d328 数字乡村 建设 under its covering notice: 第一部分 … over 一、 over 1., 一、 and 1.
  restarting in every 部分 (as d14), bare 责任单位： brackets, 5G in a target's metric.
- d329 职业教育 产教融合: every measure opens with a bullet before its number ("●1.组建…"),
  one measure's text holding an inner list "：（1）…；（2）…；（3）…。" closed by one bracket
  (sub-points, not measures).
- d340 县域商业体系 建设: its 重点任务 table exported from a spreadsheet as CSV lines
  (序号,重点任务,牵头单位,配合单位,完成时限), unit cells quoted with inner commas
  ("县交通运输局,县邮政分公司,县供销社"), read printed, run in and hard-wrapped.

Round 26 (branch genre26), topics other than 法治, kinds and layouts not yet used:

- d341 婴幼儿照护服务 发展: chapters headed 【一】…【四】 in square brackets, a goal paragraph
  with no heading between the purpose sentence and 【一】, brackets with only 负责 and no label
  ("（县卫健委负责）", "（县财政局、县卫健委等部门负责）"), two measures of two paragraphs whose
  second opens "同时，…" and closes with the bracket.
- d342 一刻钟便民生活圈 建设: 1. measures at the margin whose units stand at the line's end
  after a gap of blanks, as a column ("…项目清单。        县商务局"; "县住建局、县自然资源局等
  部门"), read printed, run in and hard-wrapped.
- d343 “无废城市” 建设: 【一】 chapters over （一） sections over 1. measures, a goal
  paragraph with no heading, a measure of two paragraphs ("同时，…" closed by
  "（…等部门负责）").

Round 27 (branch genre27), topics other than 法治, kinds and layouts not yet used:

- d344 高标准农田 建设: its task table pasted as TAB-parted text (重点领域\t序号\t建设任务\t
  牵头单位\t责任单位\t完成时限) whose first column, a category, is printed on its group's
  first row only, an empty 责任单位 cell, 保障措施 (一)–(三) after the table (provisions, no
  sections, as d340 and d66); hard-wrapped its header reaches the margin, run in each
  deadline cell is glued to the next group's category.
- d345 安全生产 治本攻坚 三年行动: titled 1. measures holding "一是…；二是…；三是…" (clauses,
  not measures), each followed by one line of two fields "责任单位：X、Y    完成时间：2025年6月".
- d346 老年助餐服务 责任分工: articles "第一条　合理布局…。…。责任单位：县民政局、各乡镇人民
  政府。" closed by their units, and a 附表 of indicators (指标名称 | 2025年目标 | 责任单位)
  after the signature, its rows restating the goals (no measures).
- d347 森林草原 防灭火: （一） sections over titled 1. measures, each followed by one line of
  three fields "牵头单位：X    配合单位：Y、Z    完成时间：2025年3月底前" (one with "一是…；二是…"),
  a 0.9‰以下 goal, and a 附表 of indicators pasted as TAB-parted rows (指标名称\t2025年目标\t
  责任单位) after the signature (no task table).

Round 28 (branch genre28), topics other than 法治, kinds and layouts not yet used:

- d307 退役动力电池 回收利用: measures numbered 1-1, 1-2, 2-1 under their chapters, each
  opening with its bracket ("1-1.【区商务局牵头，区工信局配合】合理布局…"), a goal paragraph
  with no heading, 保障措施 a paragraph.
- d348 水土保持 目标责任: two lists numbered 1., 2. …, 重点任务 with units in brackets and
  保障措施 without (provisions, no measures, as d220), a goal of 42平方公里.
- d349 农村饮水安全 巩固提升: a 任务分解 table of " | " rows, three task cells of two
  paragraphs, each printing its row over two lines ("1 | 实施…3座。" over "更新改造…120公里。 |
  县水利局 | …"), 工作要求 (一)(二) after the table (provisions, no sections, as d340).

Round 29 (branch genre29), topics other than 法治, kinds and layouts not yet used:

- d308 冷链物流 发展: measures numbered "1、" apart by blank lines, each bracket
  (牵头单位：…；配合单位：…) a paragraph of its own after a blank line, 保障措施 （一） paragraphs
  (sections), goals of 60万吨以上 and 200辆.
- d309 职业技能提升行动: a 领导小组 chapter naming its 成员单位, measures under "具体任务分工如下："
  with one bracket "责任单位：各成员单位" (a collective), "附件：任务分工表" with no table
  after it, goals "新增取得…证书人员1200人" (取得 after 新增 counts who acquire: a goal).
- d319 城镇燃气 安全整治: a tab table whose task cells hold sub-points
  ("…：1.全面排查…；2.依法取缔…"), one measure each, 工作要求 （一）（二） after the table
  (provisions, no sections, as d340).

Round 30 (branch genre30), topics other than 法治, kinds and layouts not yet used:

- d370 文旅消费促进 行动方案: measures "　　一是…。（牵头单位：X；配合单位：Y）", each a
  paragraph, restarting at 一是 under each （一） section of 主要任务, goals written
  "由2024年的85%提高到2026年的90%以上" (the later year and value are the goal's).
- d371 数字政府建设 工作要点: a task table copied one cell per line whose header row the copy
  lost ("1" then the task, 牵头 and 配合 cells and a deadline), a 保障措施 item naming a
  领导小组办公室 负责 after it (a provision), a goal "由2024年的60项提高到2025年的100项以上".

Round 31 (branch genre31), topics other than 法治, kinds and layouts not yet used:

- d374 县域商业体系建设 任务清单: each measure ONE line of four fields apart by two blanks,
  "1.任务：…。  牵头：县商务局  配合：县交通运输局、县供销社  时限：2025年9月底前" (时限
  bare, no 完成), goals "建成…1个，改造提升…8个" under 一、工作目标.
- d375 城乡环境卫生整洁行动: （一） sections over 1.–6. measures whose sentence is broken by a
  hard line break at no wrap width ("…河道沟渠" over "开展地毯式集中清理，…1.2万吨。"), the
  bracket at the start of the next line.
- d378 义务教育优质均衡: goals numbered "（一）到2026年，…达到5.3人以上。" under 一、主要目标,
  then the measures numbered （一） again under 二、重点任务 with brackets, 保障措施 （一）
  provisions.
- d379 招商引资 攻坚: titled 1. measures, a goal paragraph opening with 全年 under 一、攻坚目标,
  then after the signature "附件1：…目标任务分解表" (units and figures, " | " rows) and
  "附件2：…重点项目清单" (projects with 投资额（万元） and a 责任单位 column): no measures.

Round 32 (branch genre32), topics other than 法治, kinds and layouts not yet used:

- d380 住房公积金 服务提升: NO title line (the text opens at its preamble "为贯彻落实《…》，…
  制定本方案。": title and period null, the signer the issuer), titled 1. measures under
  （一） sections, each bracket (牵头单位；配合单位；完成时限) on the line under its measure, a
  page foot "— 3 —" between measure 3 and its bracket line, 保障措施 （一）（二） sections.
- d381 农村“厕所革命”: three measures closed by "（责任单位：各镇人民政府；完成时限：2025年底前）",
  ONE collective, their prose saying "县直有关部门配合…" (no units); 户 and 座 goals, 每月.
- d382 中小学 课后服务 工作要点: a tab table printing its deadline column FIRST (序号 | 完成时限 |
  工作任务 | 牵头单位 | 配合单位), 各中小学校 a collective, 特色课程60门 (门 a counter), 每学期 /
  定期 duties; as a ragged PDF layer a row breaks right after the tab before its last cell.

Round 33 (branch genre33), topics other than 法治, kinds and layouts not yet used:

- d389 粮食安全 党政同责 考核 任务分解: untitled 1.–9. measures under （一）耕地保护（30分）
  sections, each bracket opening with the measure's points before its labels ("（10分，责任
  单位：县自然资源局、县农业农村局）", one "（10分，牵头单位：X；责任单位：Y）"), 万亩 and 万吨
  goals, 每季度 and 定期 duties.
- d390 秋冬季 森林防火 专项行动: titled 1.–7. measures whose bracket's 完成时限 is a quarter,
  a season or a range across two years ("2025年第四季度", "2025年秋冬季", "2025年10月—2026年
  4月"), goals of a 行动期间 with no year, 处 and 支 counts.

Round 34 (branch genre34), topics other than 法治, kinds and layouts not yet used:

- d388 DIP 支付方式改革 工作方案: a body with no measures, signed, then 附件 a tab table of
  tasks that a page break cuts: "— 4 —", a 续表 line and the header printed again over rows
  5–8, "— 5 —" under the last row; 不少于600个 and 上传率达到100% goals.
- d391 居家社区养老服务 提升行动: a PDF copy whose footnotes stand at each page's foot over
  its number: "①“时间银行”：指…" between the two halves of measure 3's sentence the page
  break cut ("…引导低龄健康老年人为" / note / "— 2 —" / "高龄、独居老年人…"), "②家庭养老床位：
  指…" under measure 6's bracket; the references ① ② stay in the measures' texts; 张 and 户
  goals.
- d392 防汛抗旱 工作任务清单: three attribution styles in one list (own lines "牵头单位：X
  配合单位：Y" over "完成时限：…", labelled brackets, and "（X牵头，Y配合；5月20日前）" with the
  deadline bare after ；), deadlines of a flood season or a condition (汛前（5月31日前）,
  主汛期（6月1日—8月31日）, 整个汛期, 汛后, 视旱情), 每日 (no duty), 万条 and 件 goals.
- d393 全国文明城市 创建 任务分解表: a Word table copied with tabs whose 测评项目 column is
  merged (printed on its group's first row only) and whose 责任单位 cell holds two lines
  "牵头：X" / "配合：Y" (the cell's own line break), one row "牵头：X" only; a 注： line after it.

Round 31, leftovers (branch leftovers29), a second document for each of four misses left:

- d398 食品安全 评议考核 (州): titled measures that lost their numbers, each a paragraph closed
  by its bracket, under descriptive chapters (二、夯实监管基础, 三、严惩违法犯罪: run in, the
  first title glued to the heading, as in d368), points in Chinese numerals opening the
  brackets ("（二十分，牵头单位：…）"), shared heads "州、县（市）市场监管局" and "州、县（市）
  人民检察院" (州's body and every county's), 定期 a duty.
- d399 优化营商环境 重点任务分工 (县): a one-cell-per-line table 序号 | 重点任务 | 牵头单位 |
  配合单位 | 完成时限 whose 配合 cell is empty in two rows after a task ending in the name it
  sends to ("…形成清理报告并报县政府", "…报送县委依法治县办"), a task ending in a name beside
  two full unit cells ("评估结果报县委办公室"), 每季度 a duty.

Round 37 (branch genre37), topics other than 法治, kinds and layouts not yet used:

- d400 全民健身 设施补短板 行动方案, a web page copy (当前位置, 发布时间 | 信息来源 | 浏览次数,
  字体：【大】【中】【小】, 【打印本页】【关闭窗口】, 扫一扫在手机打开当前页) of a covering notice
  and the plan: titled 1.–10. measures under （一）–（三）, each over its own "【责任单位】X、Y"
  line, then "（以上任务均需各县（市、区）人民政府落实，不再列出）" closing 二、: the collective
  every item above shares (its brackets leave it out); 平方米 and 每万人…25名以上 goals.
- d401 河湖长制 2026年 工作要点: measures opening with their month deadline right after the
  number ("1.1月底前，…", "5.10月底前，…", "10.12月底前，…", "11.11月底前，…": no decimal
  outline, no 1.1 value), others with 每季度 / 每月 / 每半年 duties, brackets
  （牵头单位：…；责任单位：…）, 县纪委县监委. Scored 1.000 printed, run in and wrapped at once.
- d402 安全生产 "十五条措施" 责任分工: a tab table 序号 | 措施内容 | 牵头领导 | 牵头单位 | 责任单位,
  the leaders' two-character names padded to three (张　军), the leader cell merged over rows
  (empty below), one lead cell merged too; hard-wrapped a unit cell breaks right after its 、
  and inside a name (县交通 over 运输局、…).
- d403 食品安全 重点工作任务清单 from WPS: a tab table whose header stands over two lines,
  "责任单位" spanning bare "牵头 | 配合" words below it, chapter rows merged across
  (一、…\t\t\t\t), lead cells and 完成时限 cells merged over rows (empty below); hard-wrapped
  a row whose empty last cell lost its tab stands above the next row's first line.

wrap36 (branch wrap36), no new document: d399 hard-wrapped at 30 is read (it was left out of the
hard-wrapped test), with fixture styles/danhang_shuming_zhehang.txt, a 镇 人居环境 task list
printed one cell per line whose preamble's title and one task cell reach the margin.

Round 38 (法治) (branch fazhi38): 法治 plans of kinds rounds 10–35 had not tried:

- d404 县 法治政府建设 年度工作要点 under its covering notice: （1）–（3） measures restarting
  under each 一、 (no （一） level), each over a trailing line "责任单位：…；完成时限：…" or
  "牵头单位：…；责任单位：…；完成时限：…", 县委编办 and 县生态环境分局 units, collectives in
  the list (县政府各部门, 各乡镇人民政府、街道办事处), 长期坚持 / 每季度末 deadlines.
- d405 县公安局 “谁执法谁普法” 普法责任清单: a department's own tab table 序号 | 普法内容 |
  普法对象 | 责任科室 whose units are its sections (政治处, 法制大队, 交通管理大队, 指挥中心,
  各派出所), one cell "治安管理大队牵头，各派出所配合", a 普法对象 cell naming 县直各单位
  (no collective), 10万条 a goal, 定期 / 每季度 / 每年 duties.
- d406 县 法治乡村 实施方案 (2026—2028年): brackets naming the 县, 乡 and 村 levels at once
  ("（县司法局牵头，各乡镇人民政府、村（社区）负责）", "…各乡镇综治中心、村（社区）调委会负责",
  "…各乡镇人民政府负责指导，村（社区）具体实施", "…村（社区）抓好落实"), goals for 2028 under
  一、总体目标.
- d407 市委依法治市办 工作要点: titled （一）–（九） measures numbered on across chapters, three
  of them over 1. 2. (3.) sub-items (parts of the measure: the bracket follows the last), a
  first bracket "（X、Y、Z按职责分工负责，排在第一位的为牵头单位，下同）" (the note after the
  verb), the brief's "（市委依法治市办，市直各部门按职责分工负责）", 2026年制定政府规章2件.

Round 40, leftovers (branch leftovers40), footnotes marked other than by a circled number, and
unit cells run in after a task cell whose names repeat a level's word at the junction:

- d408 无障碍环境建设 三年行动 (区): a PDF copy whose page-foot notes are marked [1] [2] (the
  references glued in measures 1 and 2, "“随手拍”[2]行动"), both standing between the halves
  of measure 2's sentence the page break cut ("…限期整改" / notes / "— 2 —" / "到位。"), and a
  note "注：本方案所称公共场所，…" marked by no reference inside measure 5's ("…依法" / note /
  "— 3 —" / "责令整改。"); 公里 and 个 goals, 每半年 and 每年 duties.
- d409 地名文化保护 工作任务清单 (县): a tab table 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限
  with a note "[1]“乡村著名行动”：指…。" on the line after row 2 and "[2]地名信息“一张图”：指…。"
  after row 4, each defining the term its row's task cell carries the mark after; 每学期 a duty.
- d410 美丽集镇建设 重点任务清单 (镇): a table one cell per line 序号 | 重点任务 | 牵头单位 |
  配合单位 | 完成时限 whose unit cells open with a level's word twice, "镇村镇建设服务中心" and
  "镇镇容环境卫生所", after task cells ending in no sentence end and beside each other, five
  rows signed on the 6th ("2025年3月6日"); 公里 a goal, 每月 a duty.

Round 39 (法治) (branch fazhi39): 法治 plans of kinds rounds 10–38 had not tried:

- d411 法治政府建设示范创建 任务分解 under its covering notice: a tab table 序号 | 一级指标 |
  二级指标 | 三级指标（评估内容） | 牵头单位 | 责任单位 whose measures are the 三级指标 rows, the
  upper levels printed once and left empty on the rows below (merged cells), a note under it
  "注：一级指标、二级指标栏合并单元格的，适用于其下各行。", 县人力资源和社会保障局 a long name.
- d412 行政执法“三项制度” 2027年任务清单 of a 市: titled 1.–9. measures across chapters, each
  ending "责任单位：X★、Y、Z（★为牵头单位）" (a star after or before a name marking the lead, two
  stars in one list, a list of one unit with no star), a title "…“三项制度”2027年任务清单".
- d413 县委全面依法治县委员会 2027年工作要点: titled 1.–13. measures with no units of their own,
  each chapter closed by a paragraph "以上第1—4项由X牵头，Y、Z按职责分工负责。", one of two
  clauses "以上第9、10项由…负责；第11项由县司法局负责。".
- d414 区 法治社会建设 重点项目 实施方案 (2027—2028年): measures over "牵头单位：…；责任单位：…"
  lines, then "预期成效：…" and "完成标志：…" lines that name no units (完成标志：区教育局印发…),
  每学期 / 定期 / 每年 duties.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from taizhang.parsing import parse_path
from taizhang.parsing import parse_text as parse_path_text
from taizhang.parsing.layout import restore
from taizhang.parsing.targets import find_targets
from taizhang.parsing.units import BracketReader, load_gazetteer
from tests.parsing import variants
from tests.parsing.scoring import score_plan

BAR = 0.95
DOCUMENTS = Path(__file__).resolve().parent / "documents"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAMES = sorted(p.stem for p in DOCUMENTS.glob("d*.txt"))

# Failures found in round 3 and not fixed yet: strict, so a fix shows at once.
BELOW_BAR: dict[str, str] = {}
UNITS_WRONG: dict[str, str] = {}


def known(failures: dict[str, str]) -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=failures[name]))
        if name in failures
        else name
        for name in NAMES
    ]


def parse(name: str):
    return parse_path(DOCUMENTS / f"{name}.txt")


def gold(name: str) -> dict:
    return json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))


def units(plan) -> list[tuple[int, list[str], list[str], list[str]]]:
    return [(m.no, m.lead, m.responsible, m.collectives) for m in plan.tasks]


def gold_units(name: str) -> list[tuple[int, list[str], list[str], list[str]]]:
    return [(t["no"], t["lead"], t["responsible"], t["collectives"]) for t in gold(name)["tasks"]]


def targets(measure) -> list[tuple]:
    return [(t.year, t.value, t.unit, t.comparator) for t in measure.targets]


def as_printed_and(path: Path, copy):
    """The plan parsed from the file as printed and from ``copy`` of its text (a variant)."""
    return parse_path(path), parse_path_text(copy(path.read_text(encoding="utf-8")))


def test_every_document_has_its_gold():
    assert len(NAMES) >= 10
    assert all((DOCUMENTS / f"{name}.json").is_file() for name in NAMES)


@pytest.mark.parametrize("name", known(BELOW_BAR))
def test_each_document_scores_at_least_the_bar(shared_dir, tmp_path, name):
    figures = score_plan(shared_dir, DOCUMENTS / f"{name}.json", parse(name), tmp_path)
    assert figures["overall"] >= BAR, figures["report"]


@pytest.mark.parametrize("name", known(UNITS_WRONG))
def test_each_document_has_its_measures_and_units(name):
    """Measure count and lead / responsible / collective units, measure by measure."""
    assert units(parse(name)) == gold_units(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document_has_its_title_issuer_date_and_period(name):
    plan, expected = parse(name), gold(name)
    assert (plan.title, plan.issuer, plan.date, plan.period) == (
        expected["title"],
        expected["issuer"],
        expected["date"],
        expected["period"],
    )


def test_a_first_is_lead_note_over_bare_unit_lists_after_a_covering_notice():
    plan = parse("d01_yingshang_notice")
    assert [m.no for m in plan.tasks] == list(range(1, 13))  # notice items 1.–3. are none
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == (["市政务服务中心"], ["市大数据局"])
    assert plan.tasks[9].collectives == ["各行政执法部门"]
    assert [(m.no, m.deadline) for m in plan.tasks if m.deadline] == [
        (1, "6月底前"),
        (4, "长期坚持"),
        (9, "12月底前"),
    ]
    assert targets(plan.tasks[0]) == [(None, 90, "%", ">=")]
    assert plan.tasks[0].text.endswith("网上办理。")  # the bracket is no measure text
    assert not any(d.code == "unlabelled-units" for d in plan.diagnostics)


def test_without_the_note_a_bare_unit_list_is_flagged():
    text = (DOCUMENTS / "d01_yingshang_notice.txt").read_text(encoding="utf-8")
    plan = parse_path_text(text.replace("（排在首位的为牵头单位，下同）", ""))
    flagged = [d.line for d in plan.diagnostics if d.code == "unlabelled-units"]
    assert flagged[:2] == [23, 25] and len(flagged) == 12
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == ([], ["市政务服务中心", "市大数据局"])


def test_articles_of_general_provisions_and_safeguards_are_no_measures():
    plan = parse("d02_jiuye_articles")
    assert [m.no for m in plan.tasks] == list(range(3, 12))
    assert plan.parents == ["某省促进高质量充分就业若干措施"]  # in 第一条, under 总则
    provisions = [d.line for d in plan.diagnostics if d.code == "provisions-not-measures"]
    assert provisions == [5, 37]  # 第一条 under 总则, 第十二条 under 保障措施
    assert targets(plan.tasks[3]) == [(2024, 4500, "人", "="), (2024, 5.5, "%", "<=")]
    assert targets(plan.tasks[5]) == [(None, 3, "个", "="), (None, 4, "个", ">=")]


def test_a_hard_wrapped_outline_with_a_page_number_and_goals():
    plan = parse("d03_xiangcun_outline")
    assert [(t.year, t.value, t.unit, t.comparator) for t in plan.targets] == [
        (2024, 45, "万亩", ">="),
        (2024, 7, "%", ">="),
    ]
    assert "2 -" not in plan.tasks[1].text and "2 -" not in plan.tasks[1].attribution_raw
    assert targets(plan.tasks[1]) == [(None, 3, "万亩", "="), (None, 5, "万亩", "=")]


def test_a_flattened_task_table_keeps_its_deadline_column():
    plan = parse("d04_daqi_table")
    assert plan.tasks[0].deadline == "2024年10月底前"
    assert plan.tasks[3].deadline == "长期坚持"
    assert plan.parents == ["某省空气质量持续改善行动计划"]  # 为深入实施《…》
    assert plan.tasks[7].responsible == ["市交通运输局", "某铁路货运中心"]


def test_a_ragged_pdf_copy_with_page_numbers_and_a_safeguards_chapter():
    plan = parse("d05_shui_ragged")
    assert [m.title for m in plan.tasks][:2] == ["强化工业污染防治", "推进城镇污水处理提质增效"]
    assert plan.tasks[2].responsible == ["县生态环境分局"]  # "— 2 —" fell between
    assert plan.tasks[4].lead == ["县水利局"]  # 县水利局按职责分工负责, on its own line
    assert targets(plan.tasks[3]) == [(None, 100, "%", "=")]  # after 定期…, still a target
    assert [d.line for d in plan.diagnostics if d.code == "provisions-not-measures"] == [26]


def test_traditional_characters_keep_their_goals_and_date_line_apart():
    plan = parse("d06_zhizao_trad")
    assert plan.title == "某市降低制造業企業成本若幹措施責任分解"
    assert [(t.year, t.value, t.comparator) for t in plan.targets] == [
        (2025, 85, "<="),
        (2025, 30, ">="),
    ]
    assert targets(plan.tasks[3]) == [(None, 50, "億千瓦時", "=")]


def test_a_news_page_of_a_plan_and_own_line_attributions():
    plan = parse("d07_fazhi_news")
    assert plan.parents == [
        "法治政府建设实施纲要（2021—2025年）",
        "某省法治政府建设实施方案（2021—2025年）",
    ]
    assert plan.tasks[0].lead == ["市委编办", "市司法局"]
    assert plan.tasks[7].collectives == ["各区县人民政府", "市直各部门"]


def test_an_excerpt_that_starts_mid_plan():
    plan = parse("d08_jiuye_excerpt")
    assert [(m.no, m.chapter) for m in plan.tasks][:4] == [
        (6, None),
        (7, None),
        (8, None),
        (9, "三"),
    ]
    assert plan.tasks[0].lead == ["市人社局"]  # 牵头责任单位 is a lead label


def test_one_unit_line_after_four_items_and_fields_inside_the_bracket():
    plan = parse("d09_fazhi_county")
    assert [m.responsible for m in plan.tasks[:4]] == [
        ["县委宣传部", "县司法局", "县农业农村局"]
    ] * 4
    assert plan.tasks[4].collectives == ["各乡镇人民政府"]  # 指标类型:约束性 is no unit
    assert plan.tasks[6].deadline == "2024年9月底前"
    shared = [d.line for d in plan.diagnostics if d.code == "shared-attribution"]
    assert shared == [16, 18, 20]


def test_a_run_in_copy_with_a_date_line_under_its_title():
    plan = parse("d10_yingshang_runin")
    assert [s.title for s in plan.sections][3] == "强化信用建设"  # before 公民、法人…
    assert plan.tasks[4].collectives == ["区有关部门"]


def test_energy_targets_under_a_note_in_the_preamble():
    plan = parse("d11_jieneng_firstlead")
    assert targets(plan.tasks[0]) == [(None, 0.45, "吨标准煤/万元", "<=")]
    assert targets(plan.tasks[2]) == [(None, 3, "万千瓦", "="), (None, 3600, "万千瓦时", "=")]
    assert plan.tasks[1].deadline == "2024年11月底前"


def test_a_notice_that_is_itself_the_plan():
    plan = parse("d12_fenjie_notice")
    assert plan.title == "某县人民政府办公室关于分解落实2024年县政府工作报告重点任务的通知"
    assert (plan.issuer, plan.date) == ("某县人民政府办公室", "2024-02-20")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5, 6]  # its items are the measures
    assert plan.tasks[0].lead == ["县发改局", "县财政局"]
    assert targets(plan.tasks[3]) == [(None, 5000, "人", ">="), (None, 5.5, "%", "<=")]
    assert plan.tasks[5].deadline == "2024年10月底前"


def test_a_lead_tag_inside_a_list_and_a_number_glued_to_its_heading():
    plan = parse("d13_anquan_glued")
    assert [c.title for c in plan.chapters][1] == "深化重点领域整治要点"
    assert [m.no for m in plan.tasks] == list(range(1, 11))  # 4、 glued to the heading
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == (
        ["县应急管理局"],
        ["县委办公室", "县政府办公室"],
    )
    assert (plan.tasks[2].lead, plan.tasks[2].responsible[0]) == ([], "县应急管理局")
    assert targets(plan.tasks[9]) == [(None, 600, "家次", ">=")]
    assert not any(d.code == "unknown-unit" for d in plan.diagnostics)


def test_parts_over_chapters_and_lead_tags_in_bare_lists():
    plan = parse("d14_renju_parts")
    assert [(t.value, t.comparator) for t in plan.targets] == [(85, ">="), (95, ">="), (40, "=")]
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5, 6]  # (七)(八) are 保障措施
    assert (plan.tasks[0].lead, plan.tasks[0].collectives) == (["县农业农村局"], ["各乡镇人民政府"])
    assert [m.deadline for m in plan.tasks[:3]] == ["2024年11月底前", None, "2024年12月底前"]
    assert not any(d.code == "unlabelled-units" for d in plan.diagnostics)


def test_contents_before_the_preamble_and_leaders_named_in_the_bracket():
    plan = parse("d15_yingshang_contents")
    assert [c.no for c in plan.chapters] == ["一", "二", "三"]  # the 目录 entries are none
    assert plan.parents == ["某省优化营商环境攻坚行动方案"]  # 《…条例》 is a regulation
    assert [m.no for m in plan.tasks] == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert [d.line for d in plan.diagnostics if d.code == "numbering-gap"] == [17]
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == (["县政务服务中心"], [])
    assert plan.tasks[8].responsible == ["县营商办"]  # not 孙某某 of 牵头领导
    assert plan.tasks[6].responsible == ["县交通运输局", "經(jīng)開區管委會"]
    assert not any(d.code == "unknown-unit" for d in plan.diagnostics)


def test_a_value_after_whom_a_measure_serves_and_its_verb():
    # 为 + beneficiary + verb + object + value: 为外贸企业新增授信50亿元 (d76), 为小微企业发放
    # 创业担保贷款3亿元 (fixture styles/jinrong_beneficiary.txt, ASCII); 为 inside a clause
    # (普惠小微贷款余额为45亿元) still describes
    assert [t.quote for t in parse("d76_waimao_duties").tasks[2].targets] == [
        "为外贸企业新增授信50亿元"
    ]
    plan = parse_path(FIXTURES / "styles" / "jinrong_beneficiary.txt")
    assert [[(t.quote, t.value, t.unit) for t in m.targets] for m in plan.tasks] == [
        [("为小微企业发放创业担保贷款3亿元", 3, "亿元")],
        [("为民营企业新增首贷户200户", 200, "户")],
        [],
    ]


def test_a_measure_over_paragraphs_parts_them_by_one_line_break():
    # d65 (three paragraphs, a blank line and an indent between) and d70 (the same, and a
    # line of nothing but an indent): the text as gold writes it, no empty line, no indent
    for name in ("d65_yibao_paragraphs", "d70_xianjie_leaderlines"):
        plan = parse(name)
        assert [m.text for m in plan.tasks] == [t["text"] for t in gold(name)["tasks"]]
        several = [m.text for m in plan.tasks if "\n" in m.text]
        assert several
        assert not any("\n\n" in text or "\n\u3000" in text for text in several)


def test_counters_of_livestock_and_whom_a_measure_serves():
    # 1.2万头 (d03); 为200家重点企业配备服务专员 (d10)
    assert targets(parse("d03_xiangcun_outline").tasks[2]) == [(None, 1.2, "万头", "=")]
    assert targets(parse("d10_yingshang_runin").tasks[2]) == [(None, 200, "家", "=")]
    plan = parse("d17_nongmin_yishi")
    assert targets(plan.tasks[0]) == [
        (None, 8, "万头", ">="),
        (None, 120, "万羽", "="),
        (None, 1, "万亩", "="),
    ]
    assert [t.quote for t in plan.tasks[2].targets] == [
        "开展职业技能培训5000人次",  # not "一是开展…"
        "为300名返乡创业人员提供创业指导",
        "乡村公益性岗位600个",
    ]
    assert (plan.tasks[2].lead, plan.tasks[2].responsible) == (
        ["县人社局"],
        ["县乡村振兴局", "县妇联", "团县委"],
    )


def test_top_outline_lines_without_a_dot_are_chapters():
    plan = parse("d03_xiangcun_outline")
    assert [(c.no, c.title) for c in plan.chapters] == [
        ("1", "总体要求"),
        ("2", "重点任务"),
        ("3", "保障措施"),
    ]
    assert {m.chapter for m in plan.tasks} == {"2"}
    plan = parse("d18_xiaofang_outline")
    assert [c.title for c in plan.chapters] == ["总体要求", "重点任务", "保障措施"]
    assert (plan.tasks[0].lead, plan.tasks[0].collectives) == (["市消防救援支队"], ["各区人民政府"])
    assert targets(plan.tasks[0]) == [(None, 400, "栋", ">=")]


def test_task_rows_pasted_from_word_are_the_measures():
    plan = parse("d16_wenlv_rows")
    assert [m.no for m in plan.tasks] == list(range(1, 13))
    assert {m.chapter for m in plan.tasks} == {"二"}
    assert plan.tasks[2].collectives == ["各县（市、区）人民政府"]
    assert plan.tasks[8].deadline == "长期坚持"
    provisions = [d.line for d in plan.diagnostics if d.code == "provisions-not-measures"]
    assert provisions == [24]  # 保障措施 (一)
    plan = parse("d22_shipin_spaced")
    assert plan.title == "某区2024年食品安全重点工作任务分解表"
    assert (plan.tasks[1].lead, plan.tasks[1].collectives) == (["区市场监管局"], ["各镇人民政府"])
    assert targets(plan.tasks[1]) == [(None, 500, "名", "=")]  # 60岁以上 names the group
    assert targets(plan.tasks[2]) == [(None, 3000, "批次", ">=")]
    assert plan.tasks[0].deadline == "2024年9月底前"


def test_sections_and_articles_of_a_county_plan():
    plan = parse("d19_laojiu_articles")
    assert [m.no for m in plan.tasks] == [3, 4, 5, 6, 7, 8]
    assert plan.tasks[0].responsible == ["县住建局", "县水务局", "县供电公司"]
    assert not any(d.code == "shared-attribution" for d in plan.diagnostics)
    provisions = [d.line for d in plan.diagnostics if d.code == "provisions-not-measures"]
    assert provisions == [4, 24]  # 第一节 总体要求, 第四节 附则


def test_ascii_punctuation_a_garbled_number_and_a_glued_one():
    plan = parse("d20_jinbu_ascii")
    assert [m.no for m in plan.tasks] == list(range(1, 11))
    assert targets(plan.tasks[0]) == [(None, 120, "起", ">="), (None, 200, "艘", "=")]
    assert targets(plan.tasks[9]) == [(None, 300, "名", "=")]  # before an ASCII "."
    assert (plan.tasks[5].lead, plan.tasks[5].collectives) == (
        ["市人社局"],
        ["各县(市、区)人民政府"],
    )


def test_a_news_page_of_a_work_plan_opening_with_its_purpose():
    plan = parse("d21_weijian_news")
    assert (plan.title, plan.date) == ("某市2024年卫生健康工作要点", "2024-03-08")
    assert [m.no for m in plan.tasks] == list(range(2, 11))  # 第一条 为… is no measure
    assert plan.tasks[4].collectives == ["市直各部门", "各县（市、区）人民政府"]
    assert targets(plan.tasks[1]) == [(None, 50, "个", "="), (None, 3, "万名", "=")]
    assert "上一篇" not in plan.tasks[-1].text


# round 22 (法治): d293–d299 and d310–d312 (in RUN_IN_COPIES and SIGNED_RUN_IN)
ROUND_22_FAZHI = {*(f"d29{i}" for i in range(3, 10)), "d310", "d311", "d312"}
RUN_IN_COPIES = [
    "d03_xiangcun_outline",
    "d01_yingshang_notice",
    "d04_daqi_table",
    "d05_shui_ragged",
    "d06_zhizao_trad",
    "d07_fazhi_news",
    "d08_jiuye_excerpt",
    "d11_jieneng_firstlead",
    "d13_anquan_glued",
    "d02_jiuye_articles",
    "d14_renju_parts",
    "d15_yingshang_contents",
    "d09_fazhi_county",
    "d12_fenjie_notice",
    "d16_wenlv_rows",
    "d17_nongmin_yishi",
    "d18_xiaofang_outline",
    "d19_laojiu_articles",
    "d20_jinbu_ascii",
    "d21_weijian_news",
    "d22_shipin_spaced",
    "d23_yingshang_byunit",
    "d24_jiaoyu_before",
    "d25_chanye_threelevels",
    "d26_fuwu_headbrackets",
    "d27_chengguan_circled",
    "d28_shengtai_ownlines",
    "d29_weijian_quarterly",
    "d30_yanglao_collectives",
    "d31_wenming_webpage",
    "d32_jianshen_annex",
    "d33_shuzi_colonroles",
    "d34_jiuye_deadlines",
    "d35_sifa_wechat",
    "d36_jiaotong_subjects",
    "d37_lvhua_yishi_brackets",
    "d38_shisiwu_zhuanlan",
    "d39_baogao_quotes",
    "d40_huanbao_markdown",
    "d41_anquan_stages",
    "d42_wenming_mdtable",
    "d43_nongye_bracketheads",
    "d44_duban_qingdan",
    "d45_keji_excel",
    "d46_gengxin_twoheader",
    "d47_fangxun_bullets",
    "d48_hezhang_renwu",
    "d49_senlin_ocr",
    "d50_zhili_county",
    "d51_liangshi_annex",
    "d52_anquan_kaohe",
    "d53_rencai_chapterlead",
    "d54_xiaofei_dashes",
    "d55_pufa_trailing",
    "d56_zhijiao_inverted",
    "d57_shengtai_mixedlevels",
    "d58_wushui_yearly",
    "d60_xiangcun_wordlost",  # no number at all: each measure closes with its units
    "d61_jiuye_fullwidth",
    "d62_wenlv_xiangmu",
    "d63_chengshi_zhuanban",
    # round 10b: 法治 plans as scraped (a portal table, traditional with pinyin, a 普法 table,
    # a 附件 task table, a 征求意见 notice; not d93, whose title printed over two lines keeps
    # its line break, which a run-in copy has not)
    "d89_fazhi_zhengfu_portal",
    "d91_meng_traditional",
    "d92_yifa_zhixian_yaodian",
    "d94_pufa_zerenqingdan",
    "d97_gonggong_falv_fuwu",
    "d98_zhengqiu_qicaoshuoming",
    # round 10 (not d79: items restarting at 1. after a unit line glued to the sentence
    # before them are no markers inside a line)
    "d77_fazhi_yaodian",
    "d78_pufa_zhuze",
    "d80_ducha_fangan",
    "d81_suyuan_merged",
    "d82_yifazhiqi_swapped",
    "d83_shuiwu_annex",
    "d84_xiaofang_diyixiang",
    "d85_jingkaiqu_twobrackets",
    "d86_renda_jiandu",
    "d87_shuifa_unitcol",
    "d88_pufa_zhenggai",
    # round 11
    "d99_keji_zhuanhua_sheng",
    "d100_laolinghua_shi",
    "d102_neilao_zhili",
    "d104_shipin_liangge_zeren",  # A. glued to its heading, B. after the last unit
    "d105_xiaoyuan_anquan",  # 第1条 glued to its heading
    "d106_wangluo_anquan",
    "d107_binzang_gaige",  # 第三部分 after the last unit of a label line
    "d108_tuiyi_junren",
    "d109_hehu_siluan",
    # round 11b (not d114: its title run in after 以下为方案全文。 is not read)
    "d111_fazhi_zhengfu_midchapter",
    "d113_tongzhi_liangge_fujian",  # 附件1 run into the title
    "d112_pufa_cut_end",
    "d115_mulu_yemian",  # 第3页 共12页网页链接 between a bracket and the next number
    "d116_kuohao_hunyong",
    "d117_jie_no_chapters",
    "d118_kuohao_cuoshi",
    "d119_fanti_pinyin",
    "d120_sanzhang_start",
    "d121_fazhi_shehui_footer",
    "d122_jiufen_ascii",
    # round 12 (not d131: its title run into the addressees' line is not read)
    "d123_sheng_fengong",
    "d124_zizhiqu_mengshi",
    "d125_zhixiashi_qu",
    "d126_kaifaqu_gongwei",
    "d127_gaoxiao_neibu",
    "d128_jiedao_wangge",
    "d129_bumen_keshi",
    "d130_taizhang_jinzhan",  # a tab table whose last columns have no role
    # round 13b: role-verb brackets closed by a deadline, a notice transmitting rules and a
    # plan, same-line label fields after a full stop
    "d143_ducha_fankui_zhenggai",
    "d147_suyuan_zhili",
    "d149_weiyuanhui_guize_yaodian",
    "d151_shifan_chuangjian_shi",
    # round 13
    "d132_jinshi_zhushi",
    "d133_gongshui_fenguan",
    "d134_gonglu_zeren_first",
    "d135_xiaofei_lianxiren",
    "d136_fanpin_yemei",  # a running header after each page number
    "d137_qianshou_shixiang",
    "d138_xiuding_tongzhi",  # 第3项修订为：3.… out of sequence
    "d139_jinshao_xiangzhen",
    "d140_gongre_xiaoshu",
    "d141_yaodian_duoju",
    # round 14b: a number printed twice (d155), an OCR copy (d154), a town's stations (d158)
    "d152_sheng_fazhi_shehui_fengong",
    "d153_xianfa_xuanchuanzhou",
    "d154_jindu_ocr",
    "d155_minfadian_xuanchuan",
    "d156_gongyi_susong_xiezuo",
    "d157_fazhi_wenhua_zhendi",
    "d158_zhen_fazhi_niandu",
    "d159_lvshi_gongzheng_zhengzhi",
    "d160_yingshang_fujian_xuhao",
    "d161_diyi_zerenren_qingdan",
    # round 14
    "d162_xuncha_fankui_zhenggai",
    "d163_minsheng_shishi",
    "d166_senlin_fanghuo_xiangzhen",
    "d167_tuiyi_junren_yaodian",
    "d168_yingshang_shida_xingdong",
    # round 15: a label alone on its line (d172, d176), 以上任务由… after a chapter's
    # measures (d173), a deadline in the 整改要求 before the signature (d177); the tab table
    # d175 (a 类别 column before 序号) below, since round 17 (d174's, in Chinese numerals, too)
    "d172_zhen_sanxiang_zhidu",
    "d173_xinfang_fazhihua",
    "d176_yicun_falv_guwen",
    "d177_shifan_chuangjian_zhenggai",
    # round 16: numbers tagged （原第N项） out of sequence (d192), a bracket and a title naming
    # the 纲要 it implements (d191)
    *(name for name in NAMES if name[:4] in {f"d19{i}" for i in range(8)}),
    # round 15b (not the tab tables d180 and d181, as d174's; d183 and d184 below)
    "d182_huanbao_ducha_zhenggai",
    # round 15 (leftovers15): x.y.1 after a bracket where no x.y line is printed (d164),
    # label fields after a quoted sentence's closing quote (d169), a measure that opens with
    # its unit shares no bracket of the next (d165), a tab table whose rows are numbered 一
    # 二 三 (d174)
    "d164_weisheng_chengshi",
    "d165_zhaoshang_mubiao",
    "d169_shisiwu_guihua_fengong",
    "d174_ducha_jihua_biao",
    # round 16 (tabs16): a tab table with section rows （一） between its rows (d184)
    "d184_xianjie_zijin_xiangmu",
    # round 17 (tabs17): a tab table whose rows are numbered 1-1, 1-2, 2-1 (d183), a
    # division of labour by number closing each section (d185)
    "d183_zhongdian_xiangmu_guatu",
    "d185_chengshi_tijian_zhenggai",
    # (and d175: a 类别 column before 序号, its category glued to the units before it)
    "d175_qingshaonian_fazhi_jiaoyu",
    # round 17 (法治): 1-1. glued to its section's heading (d210), 1.1月： glued to its chapter's
    # (d214), a parallel division of labour run in (d216); not d217 (two columns run together)
    *(name for name in NAMES if name[:4] in {f"d21{i}" for i in range(7)}),
    # round 17 (other topics): 2） after a label line (d200), a gapped table with columns of
    # no role (d201), a label value before the closing paragraph (d202), a footnote's note
    # (d204), project codes glued to headings (d205)
    *(name for name in NAMES if name[:4] in {f"d20{i}" for i in range(10)}),
    # round 18 (other topics): labels over the text run into it (d221), a last dash list run
    # into the signature (d222, leftovers19)
    *(name for name in NAMES if name[:4] in {f"d22{i}" for i in range(6)}),
    # round 18 (法治): an action's label lines run into its heading (d233, leftovers19)
    *(name for name in NAMES if name[:4] in {f"d23{i}" for i in range(8)}),
    # round 19 (other topics): not d243, whose title printed over two lines keeps its line
    # break (units tested below with the closing article)
    *(name for name in NAMES if name[:4] in {f"d24{i}" for i in range(8) if i != 3}),
    # round 19 (法治): 【牵头】X【配合】Y run in (d250), a chapter heading's bracket run into its
    # first measure (d251), a quarter's bare heading glued between a bracket and the number
    # (d254); not d255 (its title printed over two lines keeps its line break, which a copy
    # run in has not: the scorer ignores it, 1.000 run in)
    *(name for name in NAMES if name[:4] in {f"d25{i}" for i in range(8) if i != 5}),
    # round 20 (法治): （2） after （1）'s label line (d270), a closing paragraph run into the
    # last label line (d271); d276's 附件：1.… 2.…名单 list run into 一、 (leftovers20)
    *(name for name in NAMES if name[:4] in {f"d27{i}" for i in range(7)}),
    # round 20 (other topics): a goal heading's bare year glued to it (d260), a table row
    # broken in a cell (d264), d261's label lines after field values and d262's 第一、 and
    # 2025年：攻坚突破 stage lines glued between a bracket and a number (leftovers20)
    *(name for name in NAMES if name[:4] in {f"d26{i}" for i in range(6)}),
    # round 21 (法治): （一）X（牵头单位：…）1.… run in (d291)
    *(name for name in NAMES if name[:4] in {"d290", "d291", "d292"}),
    # round 22 (法治): 任务编号 cells （一）1 run in (d293, d294), a contact run into the last
    # label's value (d295), a signature glued to a bare 附件 (d296, d299), two signers glued
    # to a dash list (d310)
    *(name for name in NAMES if name[:4] in ROUND_22_FAZHI),
    # round 21 (other topics): a table of rows apart by two blanks (d280), trailing 此项工作由
    # sentences after ★ marks (d281), a first 一是 glued to its chapter's heading (d282), a
    # first ▲ glued to its （一） heading (d283)
    *(name for name in NAMES if name[:4] in {"d280", "d281", "d282", "d283"}),
    # round 22 (other topics): starred leads (d301, d305), ditto cells (d302, d306)
    *(name for name in NAMES if name[:4] in {f"d30{i}" for i in range(7)}),
    # round 23 (法治): a section heading glued to its first N是 (d314), a title ending in its
    # quoted kind, ASCII punctuation (d315); a table one cell per line whose task cells end in
    # no sentence end (d316, d317: read run in since round 28)
    *(name for name in NAMES if name[:4] in {"d314", "d315", "d316", "d317"}),
    # round 23 leftovers: a units line closed by a colon run into the heading above it
    # (d313, d318) and into the sentence end of the measure above it (d318)
    *(name for name in NAMES if name[:4] in {"d313", "d318"}),
    # round 24 (法治): a 要点 numbered 1． and 2. under two signers (d331), a 整改清单's 问题
    # line before its 整改措施 line (d332); round 24 leftovers: a units line with no closing
    # punctuation run into the number after it, 各乡镇2.健全… (d330); brackets of units
    # before the numbers, 。【县卫健局】3.… (d321)
    *(name for name in NAMES if name[:4] in {"d321", "d330", "d331", "d332"}),
    # round 25 (法治): 牵头领导 lines (d333), a table with 每季度 cells (d335), 1.1 items
    # under 以上工作由… sentences (d336), （1） restarting (d338), 第一， after a sentence end
    # (d334: round 24's run-in marker); round 25 leftovers: 第一， glued to its section's
    # heading and 第二， after the value of a label line (d337)
    *(name for name in NAMES if name[:4] in {f"d33{i}" for i in range(3, 9)}),
    # round 26 (法治): brackets above their measures (d350, d353), " | " rows glued to the next
    # row's number (d351, d354), an annex matched by title (d352)
    *(name for name in NAMES if name[:4] in {f"d35{i}" for i in range(5)}),
    # round 27 (法治): unit headings over unbracketed duties (d355), closing sentences with a
    # deadline clause (d356, d357)
    *(name for name in NAMES if name[:4] in {"d355", "d356", "d357"}),
    # round 28 (法治): label lines under each measure (d358), a one-cell-per-line table with
    # 同上 / 〃 cells under a chapter heading (d359), 保障措施 items with brackets (d360), ①
    # measures restarting under 1. headings (d361)
    *(name for name in NAMES if name[:4] in {"d358", "d359", "d360", "d361"}),
    # round 29 (法治): a closing 任务分工 chapter (d362), a title over "总体要求：" (d363), a
    # unit-first tab table (d364), running heads inside a measure and a bracket (d365)
    *(name for name in NAMES if name[:4] in {"d362", "d363", "d364", "d365"}),
    # round 30 (法治): a 主责单位 | 协同单位 table with chapter rows and a closing paragraph
    # run into its last cell (d366), １． measures under （一） with a label line (d367),
    # measures with no numbers under 一、 chapters (d368)
    *(name for name in NAMES if name[:4] in {"d366", "d367", "d368"}),
    # round 31 (法治): 保障措施 measures led by their first words' unit, no bracket (d369),
    # 时间安排 stages as （一） sections over measures (d372)
    *(name for name in NAMES if name[:4] in {"d369", "d372"}),
    # round 32 (法治): unit paragraphs after an empty line (d339), the 州 plan's item quoted
    # after each number (d373), a lead cell merged over rows (d376), 第一部分 over （一）
    # measures with both semicolons (d377)
    *(name for name in NAMES if name[:4] in {"d339", "d373", "d376", "d377"}),
    # round 33 (法治): （十一）（十二） measures with a lead's bracket after a clause (d383), a
    # 备注 column after 完成时限 (d384), units parted by "/" and "、" before 等 (d385)
    *(name for name in NAMES if name[:4] in {"d383", "d384", "d385"}),
    # round 34 (法治): a covering notice naming two attachments, the plan 附件1 over a task
    # table 附件2 (d386), brackets naming units of four levels, 州 to 村 (d387)
    *(name for name in NAMES if name[:4] in {"d386", "d387"}),
    # round 35 (法治): a 责任清单 row cut by a page, 续表 and the header printed again between
    # (d394), 牵头领导 before 牵头单位 in each bracket, measures restarting per chapter (d395),
    # brackets broken over two lines, 党组 and 委员会 units (d396), a 省要点序号 column and rows
    # restarting under chapter rows (d397)
    *(name for name in NAMES if name[:4] in {"d394", "d395", "d396", "d397"}),
    # round 24 (other topics): ⑴ glued to its section's heading (d325), 第一， glued to its
    # chapter's (d326), range lines run into the last measure's sentence end (d323)
    *(name for name in NAMES if name[:4] in {f"d32{i}" for i in range(2, 7)}),
    # round 25 (other topics): three-field brackets (d327), 第一部分 over restarting 一、 and
    # 1. (d328), a bullet before each number (d329), a CSV table (d340)
    *(name for name in NAMES if name[:4] in {"d327", "d328", "d329", "d340"}),
    # round 26 (other topics): 【一】 chapters (d341, d343), units after a gap at the line's end
    # (d342)
    *(name for name in NAMES if name[:4] in {"d341", "d342", "d343"}),
    # round 27 (other topics): a category table's deadline cells glued to the next category
    # (d344), two or three fields on one line under each measure (d345, d347), articles closed
    # by their units (d346)
    *(name for name in NAMES if name[:4] in {"d344", "d345", "d346", "d347"}),
    # round 28 (other topics): brackets opening 1-1 measures (d307), two lists numbered 1.
    # (d348), " | " rows of two lines glued to the next row's number (d349)
    *(name for name in NAMES if name[:4] in {"d307", "d348", "d349"}),
    # round 29 (other topics): brackets in paragraphs of their own under 1、 (d308), 具体任务
    # 分工如下： over the measures and 附件 with no table (d309), tab cells of sub-points (d319)
    *(name for name in NAMES if name[:4] in {"d308", "d309", "d319"}),
    # round 30 (other topics): 一是 paragraphs restarting under sections (d370), a one-cell-per-
    # line table with no header row after "…分工如下：" (d371)
    *(name for name in NAMES if name[:4] in {"d370", "d371"}),
    # round 31 (other topics): one line of four fields per measure, 时限： last (d374), brackets
    # under broken sentences (d375), goals （一） before measures （一） (d378), a goal opening
    # with 全年 and two annex tables (d379)
    *(name for name in NAMES if name[:4] in {"d374", "d375", "d378", "d379"}),
    # round 32 (other topics): no title line (d380), one collective in the bracket and 县直
    # 有关部门配合 in prose (d381), a tab table printing its deadline column first (d382)
    *(name for name in NAMES if name[:4] in {"d380", "d381", "d382"}),
    # round 33 (other topics): points before the labels in each bracket (d389), season and
    # range deadlines in the bracket (d390)
    *(name for name in NAMES if name[:4] in {"d389", "d390"}),
    # round 34 (other topics): a 续表 after a page number (d388), footnotes over the page
    # number run in (d391), a bare deadline after the units (d392), labelled unit cells (d393)
    *(name for name in NAMES if name[:4] in {"d388", "d391", "d392", "d393"}),
    # round 31 leftovers: measures that lost their numbers under descriptive chapters, points
    # in Chinese numerals, shared heads 州、县（市） (d398); a one-cell-per-line table's empty
    # 配合 cells after tasks sending to a name (d399)
    *(name for name in NAMES if name[:4] in {"d398", "d399"}),
    # round 37 (other topics): a note on the items above run into the last item's units
    # (d400), deadlines opening the measures (1.1月底前，…: d401), leaders padded with a blank
    # (d402), a header over two lines of bare role words (d403)
    *(name for name in NAMES if name[:4] in {"d400", "d401", "d402", "d403"}),
    # round 40 leftovers: footnotes [1] [2] and 注： over the page number run in (d408), notes
    # [1] [2] defining a term after tab rows (d409), unit cells opening 镇村镇 and 镇镇容 after
    # task cells, signed on the day the next row would be numbered (d410)
    *(name for name in NAMES if name[:4] in {"d408", "d409", "d410"}),
]


@pytest.mark.parametrize("name", RUN_IN_COPIES)
def test_documents_printed_run_in_keep_their_measures_units_and_title(name):
    """With every line break removed: label lines (d06), an excerpt's first numbers (d08),
    a list opened by a colon (d11: 分解如下：1.…), a covering notice ended by its
    signature's date (d01), 第一部分 over 一、 (d14), a title before its 目录 (d15) or before
    a preamble opening with the year (d13) still give each measure its units."""
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert units(plan) == gold_units(name)
    assert plan.title == gold(name)["title"]


def test_an_annex_list_before_the_body_run_into_the_first_chapter_ends_there():
    # "附件：1.…清单2.…名单一、拓宽就业渠道1.每年…" (d276 and fixture styles/fujian_qianzhi.txt
    # printed run-in): chapter 一 is read, and its first measure opens at its own 1.
    for path in (
        DOCUMENTS / "d276_falv_yuanzhu_yingyuanjinyuan.txt",
        FIXTURES / "styles" / "fujian_qianzhi.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [c.no for c in run_in.chapters] == [c.no for c in printed.chapters]
        assert [(t.no, t.chapter, t.text) for t in run_in.tasks] == [
            (t.no, t.chapter, t.text) for t in printed.tasks
        ]


def test_label_lines_after_field_values_run_in_still_give_each_activity_its_units():
    # "…活动地点：全市各A级旅游景区承办单位：…（二）…" (d261 and fixture
    # styles/huodong_ziduan.txt printed run-in): the label opens the attribution
    for path in (
        DOCUMENTS / "d261_wenlv_xiaofeiji.txt",
        FIXTURES / "styles" / "huodong_ziduan.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [(t.no, t.responsible) for t in run_in.tasks] == [
            (t.no, t.responsible) for t in printed.tasks
        ]


@pytest.mark.parametrize(
    "name",
    [
        "d220_renju_sijiceng",  # （二）强化资金保障|县财政每年安排…
        "d134_gonglu_zeren_first",  # 三、保障措施|县交通运输局要会同…
        "d164_weisheng_chengshi",  # 五、组织保障|市创建国家卫生城市指挥部办公室负责…
        "d125_zhixiashi_qu",  # 三、保障措施|区城市更新工作专班要…
        "d56_zhijiao_inverted",  # 责任分工|市教育局负责第1、3、5、8项…
    ],
)
def test_a_heading_run_into_a_paragraph_a_unit_opens_ends_before_the_unit(name):
    # printed run-in, the paragraph's subject is a unit (X财政 the finance authority): the
    # heading's title ends where the unit's level starts, as on its line of its own
    printed, run_in = _printed_and_run_in((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    assert [c.title for c in run_in.chapters] == [c.title for c in printed.chapters]
    assert [s.title for s in run_in.sections] == [s.title for s in printed.sections]


def test_an_activitys_name_run_into_its_first_field_is_its_title():
    # "（一）“春游蓝湾”踏青赏花活动活动时间：2025年3月—4月…" (d261 and fixture
    # styles/huodong_ziduan.txt printed run-in): 活动时间： ends the name, as on its own line
    for path in (
        DOCUMENTS / "d261_wenlv_xiaofeiji.txt",
        FIXTURES / "styles" / "huodong_ziduan.txt",
    ):
        printed, run_in = _printed_and_run_in(path.read_text(encoding="utf-8"))
        assert all(t.title for t in printed.tasks)
        assert [t.title for t in run_in.tasks] == [t.title for t in printed.tasks]


def test_chapters_numbered_di_yi_dunhao_run_in_after_a_sentence_end():
    # "…制定本方案。第一、工作目标…。第二、重点任务1.…" (d262 and fixture styles/diyi_dunhao.txt
    # printed run-in); "坚持安全第一、预防为主" in the preamble opens no chapter
    for path in (DOCUMENTS / "d262_anquan_zhiben.txt", FIXTURES / "styles" / "diyi_dunhao.txt"):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [c.no for c in run_in.chapters] == [c.no for c in printed.chapters]
        assert run_in.tasks[0].chapter == printed.tasks[0].chapter


def test_a_stage_line_with_a_colon_glued_between_a_bracket_and_a_number_run_in():
    # "…（…）2025年：攻坚突破3.推进…", "…配合）第二阶段：排查整治2.开展…" (d262 and fixtures
    # styles/niandu_jieduan.txt, styles/jieduan_maohao.txt printed run-in): the number after
    # the stage line opens the next measure
    for path in (
        DOCUMENTS / "d262_anquan_zhiben.txt",
        FIXTURES / "styles" / "niandu_jieduan.txt",
        FIXTURES / "styles" / "jieduan_maohao.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [(t.no, t.lead, t.responsible) for t in run_in.tasks] == [
            (t.no, t.lead, t.responsible) for t in printed.tasks
        ]


def test_unit_lines_run_into_the_next_measure_still_close_theirs():
    # "…权责清单。市委编办、市司法局按职责分工负责2.深化…" (d07 and d05 printed run-in)
    for name in ("d07_fazhi_news", "d05_shui_ragged"):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        plan = parse_path_text(variants.run_in(text))
        assert plan.tasks[0].lead == gold(name)["tasks"][0]["lead"]
        assert plan.tasks[0].text == gold(name)["tasks"][0]["text"]


def test_a_notice_then_an_excerpt_printed_run_in_keeps_its_first_items():
    # …2024年3月1日某区2024年就业创业工作要点（四）提升职业技能培训质量8.开展…
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "styles" / "notice_midplan.txt"
    text = fixture.read_text(encoding="utf-8")
    printed, run_in = _printed_and_run_in(text)
    assert [(m.no, m.chapter, m.section) for m in run_in.tasks] == [
        (m.no, m.chapter, m.section) for m in printed.tasks
    ]
    assert [m.no for m in run_in.tasks] == [8, 9, 10, 11]
    assert [s.title for s in run_in.sections] == ["提升职业技能培训质量", "完善创业扶持政策"]
    assert run_in.title == printed.title == "某区2024年就业创业工作要点"


SIGNED_RUN_IN = [
    "d01_yingshang_notice",
    "d04_daqi_table",  # after the task table's last cell: …2024年12月底前某市…办公室2024年…
    "d05_shui_ragged",  # 附件：…清单 above, — 3 — between, （此件公开发布） under the date
    "d12_fenjie_notice",
    "d17_nongmin_yishi",
    "d18_xiaofang_outline",
    "d20_jinbu_ascii",
    "d21_weijian_news",
    "d23_yingshang_byunit",
    "d28_shengtai_ownlines",
    "d33_shuzi_colonroles",
    "d89_fazhi_zhengfu_portal",  # round 10b: 法治 plans as scraped
    "d90_bawu_pufa_district",  # two signers, then a sharing site's foot
    "d91_meng_traditional",
    "d92_yifa_zhixian_yaodian",
    "d93_qi_shifancun",
    "d94_pufa_zerenqingdan",
    "d95_fazhi_ducha",
    "d97_gonggong_falv_fuwu",  # a 附件 task table and a 相关解读 after the signature
    # round 10 (not d83: its signature stands before the 附件 table glued after it)
    "d77_fazhi_yaodian",
    "d78_pufa_zhuze",
    "d80_ducha_fangan",
    "d81_suyuan_merged",
    "d82_yifazhiqi_swapped",
    "d84_xiaofang_diyixiang",
    "d85_jingkaiqu_twobrackets",
    "d86_renda_jiandu",
    "d87_shuifa_unitcol",
    "d88_pufa_zhenggai",
    # round 11 (not d103: two signers after a tab table; nor d110: two signers)
    "d99_keji_zhuanhua_sheng",
    "d100_laolinghua_shi",
    "d101_minying_jingji",
    "d102_neilao_zhili",
    "d104_shipin_liangge_zeren",
    "d105_xiaoyuan_anquan",
    "d106_wangluo_anquan",
    "d107_binzang_gaige",
    "d108_tuiyi_junren",
    "d109_hehu_siluan",
    "d113_tongzhi_liangge_fujian",  # round 11b: a notice's signature over two annexed plans
    "d114_news_fangan_tichu",
    "d120_sanzhang_start",
    # round 12 (not d130: the notice's signature stands before the 附件 table)
    "d123_sheng_fengong",
    "d124_zizhiqu_mengshi",
    "d125_zhixiashi_qu",
    "d126_kaifaqu_gongwei",
    "d127_gaoxiao_neibu",  # a university's signature
    "d128_jiedao_wangge",
    "d129_bumen_keshi",
    "d131_ducha_tongbao",
    # round 13
    "d132_jinshi_zhushi",
    "d133_gongshui_fenguan",
    "d134_gonglu_zeren_first",
    "d135_xiaofei_lianxiren",  # after a tab table's 说明 and a closing paragraph
    "d136_fanpin_yemei",  # a covering notice's signature
    "d137_qianshou_shixiang",
    "d138_xiuding_tongzhi",  # after a contact line's telephone number
    "d139_jinshao_xiangzhen",
    "d140_gongre_xiaoshu",
    "d141_yaodian_duoju",
    # round 14b (two signers too: d156, d157, d158; an OCR date: d154)
    "d152_sheng_fazhi_shehui_fengong",
    "d153_xianfa_xuanchuanzhou",
    "d154_jindu_ocr",
    "d155_minfadian_xuanchuan",
    "d156_gongyi_susong_xiezuo",
    "d157_fazhi_wenhua_zhendi",
    "d158_zhen_fazhi_niandu",
    "d159_lvshi_gongzheng_zhengzhi",
    "d160_yingshang_fujian_xuhao",
    "d161_diyi_zerenren_qingdan",
    # round 14
    "d162_xuncha_fankui_zhenggai",
    "d163_minsheng_shishi",
    "d166_senlin_fanghuo_xiangzhen",
    "d167_tuiyi_junren_yaodian",
    "d168_yingshang_shida_xingdong",
    # round 15 (a deadline 于2024年12月15日前 in the sentence before the names: d177)
    "d172_zhen_sanxiang_zhidu",
    "d173_xinfang_fazhihua",
    "d174_ducha_jihua_biao",
    "d175_qingshaonian_fazhi_jiaoyu",
    "d176_yicun_falv_guwen",
    "d177_shifan_chuangjian_zhenggai",
    # round 16 (two signers on one line: d193; a notice's signature before its 附件: d196)
    *(name for name in NAMES if name[:4] in {f"d19{i}" for i in range(8)}),
    # round 17 (not d217: two columns run together)
    *(name for name in NAMES if name[:4] in {f"d21{i}" for i in range(7)}),
    # round 15b
    "d180_renda_jianyi_banli",
    "d181_zhengxie_tian_banli",
    "d182_huanbao_ducha_zhenggai",
    "d183_zhongdian_xiangmu_guatu",
    "d184_xianjie_zijin_xiangmu",
    # round 17
    *(name for name in NAMES if name[:4] in {f"d20{i}" for i in range(10)}),
    # round 18
    *(name for name in NAMES if name[:4] in {f"d22{i}" for i in range(6)}),
    # round 18 (法治)
    *(name for name in NAMES if name[:4] in {f"d23{i}" for i in range(8)}),
    # round 19 (other topics)
    *(name for name in NAMES if name[:4] in {f"d24{i}" for i in range(8)}),
    # round 19 (法治): two issuers on one line (d255), a 附表 after the signature (d257)
    *(name for name in NAMES if name[:4] in {f"d25{i}" for i in range(8)}),
    # round 20 (法治): two signers (d272, d273, d274), a table after the signature (d276)
    *(name for name in NAMES if name[:4] in {f"d27{i}" for i in range(7)}),
    # round 21 (法治)
    *(name for name in NAMES if name[:4] in {"d290", "d291", "d292"}),
    # round 22 (法治): signed above 附件 and a table (d293, d294, d296, d299), two signers
    # after a dash list (d310)
    *(name for name in NAMES if name[:4] in ROUND_22_FAZHI),
    # round 20 (other topics)
    *(name for name in NAMES if name[:4] in {f"d26{i}" for i in range(6)}),
    # round 22 (other topics)
    *(name for name in NAMES if name[:4] in {f"d30{i}" for i in range(7)}),
    # round 24 (法治): a trailing collective bracket after 1、 items (d330), two signers (d331)
    *(name for name in NAMES if name[:4] in {"d330", "d331", "d332"}),
    # round 25 (法治): signed under a covering notice (d333, d338) or after the plan
    *(name for name in NAMES if name[:4] in {"d333", "d334", "d335", "d336", "d337", "d338"}),
    # round 26 (法治): signed after a table (d351, d354), two signers after an annex (d352)
    *(name for name in NAMES if name[:4] in {f"d35{i}" for i in range(5)}),
    # round 27 (法治): after the plan (d355, d357: two signers) or a covering notice over its
    # 附件 (d356)
    *(name for name in NAMES if name[:4] in {"d355", "d356", "d357"}),
    # round 28 (法治): after label lines (d358), a table's last cell (d359: 长期坚持), a
    # bracket (d360, d361)
    *(name for name in NAMES if name[:4] in {"d358", "d359", "d360", "d361"}),
    # round 29 (法治): after a 任务分工 chapter (d362), a bracket (d363), a note under a table
    # (d364), a paragraph with no number (d365)
    *(name for name in NAMES if name[:4] in {"d362", "d363", "d364", "d365"}),
    # round 30 (法治): after a closing paragraph under a table (d366), under 三、保障措施
    # (d367), under 四、工作要求 (d368)
    *(name for name in NAMES if name[:4] in {"d366", "d367", "d368"}),
    # round 31 (法治): after a measure with no bracket (d369), under 三、保障措施's （二）
    # (d372)
    *(name for name in NAMES if name[:4] in {"d369", "d372"}),
    # round 32 (法治): after 四、工作要求 (d339, d376: under a table), 三、工作要求 (d373),
    # 第四部分 (d377)
    *(name for name in NAMES if name[:4] in {"d339", "d373", "d376", "d377"}),
    # round 33 (法治): after 三、工作要求 (d383, d384: under a 备注 column's table), 三、保障措施
    # (d385)
    *(name for name in NAMES if name[:4] in {"d383", "d384", "d385"}),
    # round 34 (法治): a covering notice's signature over 附件1 (d386), after 四、保障措施
    # (d387)
    *(name for name in NAMES if name[:4] in {"d386", "d387"}),
    # round 35 (法治): after 三、工作要求 (d394: under a table cut by pages; d396), 五、保障措施
    # (d395), a closing paragraph under a table (d397)
    *(name for name in NAMES if name[:4] in {"d394", "d395", "d396", "d397"}),
    # round 24 (other topics): after a range line (d323), a table's last cell (d324)
    *(name for name in NAMES if name[:4] in {f"d32{i}" for i in range(2, 7)}),
    # round 25 (other topics): after the plan (d327, d329, d340: a CSV table's last row) or a
    # covering notice (d328)
    *(name for name in NAMES if name[:4] in {"d327", "d328", "d329", "d340"}),
    # round 26 (other topics): after a 负责 bracket (d341) or a unit column's last cell (d342),
    # after a 配合 bracket (d343)
    *(name for name in NAMES if name[:4] in {"d341", "d342", "d343"}),
    # round 27 (other topics): after a category table's last row (d344), a two-field line
    # (d345), before an indicator annex (d346: " | " rows; d347: tab rows)
    *(name for name in NAMES if name[:4] in {"d344", "d345", "d346", "d347"}),
    # round 28 (other topics): after a paragraph of 保障措施 (d307), an unattributed list
    # (d348), a paragraph after a " | " table (d349)
    *(name for name in NAMES if name[:4] in {"d307", "d348", "d349"}),
    # round 29 (other topics): after a (三) paragraph (d308), after 附件：任务分工表 (d309), a
    # paragraph after a tab table (d319)
    *(name for name in NAMES if name[:4] in {"d308", "d309", "d319"}),
    # round 30 (other topics): after a (三) paragraph (d370), after a headless table (d371)
    *(name for name in NAMES if name[:4] in {"d370", "d371"}),
    # round 31 (other topics): after 三、工作要求 (d374, d375), a 保障措施 （二） (d378), an
    # 附件 list before two annex tables (d379)
    *(name for name in NAMES if name[:4] in {"d374", "d375", "d378", "d379"}),
    # round 32 (other topics): after a 保障措施 （二） (d380), after 三、工作要求 (d381), a
    # paragraph after a tab table (d382)
    *(name for name in NAMES if name[:4] in {"d380", "d381", "d382"}),
    # round 33 (other topics): after 三、考核方式 (d389), after 三、工作要求 (d390)
    *(name for name in NAMES if name[:4] in {"d389", "d390"}),
    # round 34 (other topics): above 附件 and its table (d388), after 三、保障措施 (d391), the
    # last measure's own lines (d392), a 注： line under a table (d393)
    *(name for name in NAMES if name[:4] in {"d388", "d391", "d392", "d393"}),
    # round 31 leftovers: after 四、考核方式 (d398), after a one-cell-per-line table (d399)
    *(name for name in NAMES if name[:4] in {"d398", "d399"}),
    # round 37 (other topics): a covering notice's before the plan, under a web page's head
    # (d400), after 五、 (d401), after 二、工作要求 (d402), a paragraph after a tab table (d403)
    *(name for name in NAMES if name[:4] in {"d400", "d401", "d402", "d403"}),
    # round 40 leftovers: after 三、保障措施 (d408), after a tab table and its notes (d409),
    # after a one-cell-per-line table (d410)
    *(name for name in NAMES if name[:4] in {"d408", "d409", "d410"}),
]


@pytest.mark.parametrize("name", SIGNED_RUN_IN)
def test_a_signature_printed_run_in_still_signs_the_plan(name):
    # "…严肃问责。某市安全生产委员会办公室2024年2月26日": names and date after the last
    # sentence, or a covering notice's before the plan's title (d01, d21)
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert (plan.issuer, plan.date) == (gold(name)["issuer"], gold(name)["date"])


# Hard-wrapped at 30 characters (variants.hard_wrapped), each keeps its measures' texts and
# units, title, issuer and date. d04 (a task table one cell per line), d06, d18 and d28 (label
# lines of their own under each measure) have too few lines at the margin for the share test;
# they are found wrapped by their lines broken at exactly one length, mid-sentence
# (layout._wrapped_among_short_lines); d05, a ragged PDF layer wrapped again, by its first
# lines' own margin (layout._first_wrap); d21, its 上一篇： line's rest dropped with it
# (layout._rest_of_dropped). Not here: d16 and d22 (a table's rows of gapped cells broken
# mid-row); nor d45, d46 and d51 (tab-parted rows broken mid-row, as d16's). Nor d66 (round 9:
# a tab-parted table with no number column broken mid-row: no number opens a row), nor the
# exact texts of d65 and d70 (a measure over paragraphs keeps the blank lines and indentation
# between them as printed, which a wrapped copy drops; the scorer ignores white space: both
# score 1.000 hard-wrapped). (d90's (四), left out in round 10b: the page-chunk number
# printed before its indent makes its first line longer than the margin, so its rest was not
# joined back; read since round 30 leftovers, a break inside a sentence being joined.)
# (d174 and d175, tab-parted rows broken mid-row, left out in round 15, are read since
# round 17.) Nor d217 (round 17: a page of two
# columns, whose lines the wrap breaks across both columns). (d297, its rows broken before a
# 分值 cell, left out in round 22, is read since leftovers22.)
HARD_WRAPPED = [
    name
    for name in NAMES
    if name[:4] != "d217"
    # (by the number before the first "_": d220 is not d22)
    and name.split("_")[0] not in {"d22", "d65", "d66", "d70"} | {n[:3] for n in UNITS_WRONG}
    # (round 20: d263's 一是…；/ 二是…；/ 三是… lines each end a clause near the width, so a
    # copy wrapped at 30 cannot tell them from a paragraph's wrapped rest, which an ordinal
    # continues (starts_item); its units are tested below, and the scorer, blind to line
    # breaks, gives it 1.000)
    and name.split("_")[0] != "d263"
    # (d399, a table one cell per line with only two lines at the margin, left out in round
    # 31, is read since wrap36: one of the two parts a title inside its 《》)
    # (d375, left out in round 31, is read since round 30 leftovers: its breaks inside
    # sentences are joined, printed or wrapped)
    # (round 40: d410, a table one cell per line hard-wrapped at 30, has one line at the
    # margin, its preamble's, whose digits make it 25.5 cells wide: task cells of 23 and 24
    # cells, ending in no sentence end, read as a ragged PDF layer's lines at the margin, each
    # joined to the unit cell under it)
    and name.split("_")[0] != "d410"
]


@pytest.mark.parametrize("name", HARD_WRAPPED)
def test_documents_hard_wrapped_keep_their_measures_texts_and_units(name):
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan, expected = parse_path_text(variants.hard_wrapped(text)), gold(name)
    assert units(plan) == gold_units(name)
    assert [m.text for m in plan.tasks] == [t["text"] for t in expected["tasks"]]
    assert (plan.title, plan.issuer, plan.date) == (
        expected["title"],
        expected["issuer"],
        expected["date"],
    )


def test_a_row_broken_before_its_score_cell_is_one_row_hard_wrapped():
    # "2\t…规范化。\t" over "3\t\t县司法局…" (d297) and "1\t…全部达标。\t" over "6\t县教育局…",
    # "2\t…不少于40名。" over "\t5\t县教育局…" (fixture styles/fenzhi_biao.txt), each at 30: the
    # score opens the line as a row's number would, but its cells complete the row above
    for path in (
        DOCUMENTS / "d297_fazhi_zhengfu_shifan_zhibiao.txt",
        FIXTURES / "styles" / "fenzhi_biao.txt",
    ):
        printed = parse_path(path)
        plan = parse_path_text(variants.hard_wrapped(path.read_text(encoding="utf-8")))
        fields = [(m.no, m.text, m.lead, m.responsible, m.deadline) for m in plan.tasks]
        assert fields == [(m.no, m.text, m.lead, m.responsible, m.deadline) for m in printed.tasks]
    assert len(printed.tasks) == 4


def test_a_one_cell_per_line_table_printed_run_in_keeps_its_rows():
    # 序号重点任务牵头单位责任单位完成时限1完成30台…锅炉。市生态环境局市发展改革委、…
    # 2024年10月底前2…
    for path in (DOCUMENTS / "d04_daqi_table.txt", FIXTURES / "styles" / "zhizao_table.txt"):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        fields = [
            (m.no, m.text, m.lead, m.responsible, m.collectives, m.deadline) for m in printed.tasks
        ]
        assert [
            (m.no, m.text, m.lead, m.responsible, m.collectives, m.deadline) for m in run_in.tasks
        ] == fields
        assert len(fields) >= 3


def test_attributions_printed_before_the_text():
    # 1.【X牵头，Y配合】… and 4.X牵头负责：… (d24); ASCII in fixture styles/wenlv_leading.txt
    plan = parse("d24_jiaoyu_before")
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == (
        ["市教育局"],
        ["市财政局", "市发展改革委"],
    )
    assert (plan.tasks[3].lead, plan.tasks[3].attribution_raw) == (["市人社局"], "市人社局牵头负责")
    assert plan.tasks[3].text.startswith("推进产教融合")
    assert not any(d.code == "no-attribution" for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "wenlv_leading.txt")
    assert [(m.no, m.lead, m.responsible) for m in plan.tasks] == [
        (1, ["县文化广电旅游局"], []),
        (2, ["县文化广电旅游局", "县农业农村局"], []),
        (3, ["县文化广电旅游局"], ["县财政局"]),
        (4, ["县教育局"], []),
    ]
    assert plan.tasks[2].text == "建设城市书房10个."


def test_three_levels_with_measures_restarting_under_each_item():
    plan = parse("d25_chanye_threelevels")
    assert [(m.no, m.section) for m in plan.tasks] == [
        (1, "一"),
        (2, "一"),
        (1, "一"),
        (2, "一"),
        (1, "二"),
        (2, "二"),
        (1, "二"),
    ]
    assert targets(plan.tasks[2]) == [(None, 10, "个", "="), (None, 40, "万头", "=")]
    # a list restarting under each 1. item is no numbering gap (ASCII: fixture
    # styles/xumu_threelevels.txt)
    assert not any(d.code.startswith("numbering") for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "xumu_threelevels.txt")
    assert [(m.no, m.lead, m.responsible) for m in plan.tasks] == [
        (1, ["县农业农村局"], []),
        (2, ["县农业农村局"], ["县自然资源局"]),
        (1, ["县农业农村局"], ["县财政局"]),
        (2, ["县林业局"], []),
    ]
    assert not any(d.code.startswith("numbering") for d in plan.diagnostics)
    assert targets(plan.tasks[3]) == [(None, 5, "万株", "=")]  # 株 as d27's 3000株


def test_circled_and_half_bracket_numbers_are_measures():
    plan = parse("d27_chengguan_circled")
    assert [(m.no, m.chapter, m.section) for m in plan.tasks][:4] == [
        (1, "一", "一"),
        (2, "一", "一"),
        (3, "一", "一"),
        (1, "一", "二"),
    ]
    assert not plan.tasks[0].text.startswith("①")
    assert plan.tasks[5].responsible == ["区城管局", "某燃气公司"]  # a company takes no 区
    assert targets(plan.tasks[1]) == [(None, 500, "处", "=")]  # 占道 is no 占 "accounts for"
    plan = parse("d29_weijian_quarterly")
    assert [m.no for m in plan.tasks] == list(range(1, 9))
    assert plan.tasks[0].text.startswith("推进紧密型")
    assert [m.deadline for m in plan.tasks[:3]] == ["全年", "全年", "2024年3月底前"]
    plan = parse_path(FIXTURES / "styles" / "weijian_halfparen.txt")
    assert [(m.no, m.chapter, m.section) for m in plan.tasks] == [
        (1, "一", "一"),
        (2, "一", "一"),
        (3, "一", "一"),
        (1, "一", "二"),
        (1, "二", "一"),
        (2, "二", "一"),
    ]
    assert not any(d.code.startswith("numbering") for d in plan.diagnostics)  # 1 after 1
    assert targets(plan.tasks[2]) == [(None, 50, "座", "=")]  # 公共 is no 共 "in all"
    # ① sub-points inside 1. measures stay in their text (their own kind, never 1. items)
    plan = parse_path(FIXTURES / "styles" / "nongye_circled.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3]
    assert "②建设病虫害监测点30个" in plan.tasks[1].text
    assert targets(plan.tasks[1]) == [(None, 20, "万亩", "="), (None, 30, "个", "=")]
    # counts listed under one verb are each a target (d32 too)
    assert targets(plan.tasks[2]) == [(None, 200, "台", "="), (None, 50, "套", "=")]


def test_recurring_duties_of_a_year_plan():
    plan = parse("d29_weijian_quarterly")
    assert [m.recurring for m in plan.tasks[:3]] == [
        ["每季度开展一次医共体运行评估"],
        ["每半年对公立医院绩效考核结果进行通报"],
        ["每年3月底前完成上一年度采购任务考核"],
    ]


def test_first_level_items_closed_by_their_attribution_are_the_measures():
    plan = parse("d30_yanglao_collectives")
    assert [m.no for m in plan.tasks] == list(range(1, 9))
    assert plan.chapters == [] and {m.chapter for m in plan.tasks} == {None}
    assert (plan.tasks[0].lead, plan.tasks[0].collectives) == (
        [],
        ["各区县人民政府", "市直有关部门"],
    )
    assert (plan.tasks[4].lead, plan.tasks[4].collectives) == (
        ["市民政局", "市残联"],
        ["各区县人民政府"],
    )
    assert plan.tasks[1].title == "建立老年人能力综合评估制度"
    plan = parse_path(FIXTURES / "styles" / "jiuye_cuoshi.txt")
    assert [(m.no, m.lead, m.collectives) for m in plan.tasks] == [
        (1, ["县人社局"], []),
        (2, ["县人社局", "县教育局"], []),
        (3, [], ["各乡镇人民政府", "县直有关部门"]),
        (4, ["县人社局"], ["各乡镇人民政府"]),
    ]


def test_a_web_page_with_its_tools_and_related_links():
    plan = parse("d31_wenming_webpage")
    assert plan.date == "2024-04-10"  # signed, not the page's 发布日期
    assert "相关链接" not in plan.tasks[-1].text and "打印" not in plan.tasks[-1].text
    assert len(plan.tasks) == 8


def test_an_annex_of_indicators_adds_no_measures():
    plan = parse("d32_jianshen_annex")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5]
    assert plan.tasks[4].lead == ["市卫生健康委"]  # not the annex row 5's units
    assert targets(plan.tasks[0]) == [(None, 5, "个", "="), (None, 200, "公里", "=")]
    assert [(t.year, t.value) for t in plan.targets] == [(2025, 42), (2025, 2.8)]


def test_label_lines_with_people_and_a_deadline_of_their_own():
    # 责任领导/分管领导 above the unit lines, 责任人/联系人 and 完成时限/完成时间 below (d28, and
    # fixture styles/shuili_fields.txt in ASCII)
    plan = parse("d28_shengtai_ownlines")
    assert plan.tasks[3].text == "完成入河排污口排查整治，整治率达到80%以上。"
    assert (plan.tasks[3].lead, plan.tasks[3].responsible) == ([], ["市生态环境局"])
    assert [m.deadline for m in plan.tasks] == [
        "2025年6月底前",
        "2025年12月底前",
        "2025年10月底前",
        "2025年9月底前",
        "2025年11月底前",
        "2025年12月底前",
        "全年",
        "长期坚持",
    ]
    assert not any(d.code == "attribution-unsplit" for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "shuili_fields.txt")
    assert [(m.text, m.lead, m.responsible, m.deadline) for m in plan.tasks] == [
        ("完成病险水库除险加固3座.", ["县水利局"], ["县财政局"], "2024年5月底前"),
        ("建设山洪灾害监测预警站点20个.", ["县水利局"], ["县应急管理局"], "全年"),
        (
            "实施农村供水保障工程,农村自来水普及率达到92%.",
            ["县水利局"],
            ["县卫生健康局", "某水务集团"],  # a company takes no 县
            "2024年11月底前",
        ),
    ]


def test_a_list_grouped_by_unit_takes_its_lead_from_the_heading():
    # 一、市发展改革委 over items with no bracket or a "配合：X、Y" tail (d23; ASCII in
    # fixture styles/fazhi_byunit.txt); a collective heading is the items' collective
    plan = parse("d23_yingshang_byunit")
    assert [(m.lead, m.responsible) for m in plan.tasks[:3]] == [
        (["市发展改革委"], ["市自然资源局", "市住建局"]),
        (["市发展改革委"], ["市市场监管局", "市司法局"]),
        (["市发展改革委"], []),
    ]
    assert plan.tasks[0].text.endswith("以内。")  # the 配合 tail is no text
    assert (plan.tasks[9].lead, plan.tasks[9].collectives) == ([], ["各区县人民政府"])
    assert "领导小组" not in plan.tasks[9].text  # the signature is no part of it
    headings = [d.line for d in plan.diagnostics if d.code == "heading-units"]
    assert headings == [5, 13, 21, 27, 31]
    assert not any(d.code == "no-attribution" for d in plan.diagnostics)
    assert targets(plan.tasks[2]) == [(None, 100, "个", "=")]  # 年内为100个重点项目…
    plan = parse_path(FIXTURES / "styles" / "fazhi_byunit.txt")
    assert targets(plan.tasks[1]) == [(None, 200, "名", "=")]  # 年内为200名执法人员…
    assert [(m.no, m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        (1, ["县司法局"], [], ["县直有关部门"]),
        (2, ["县司法局"], [], []),
        (3, ["县政府办公室"], ["县司法局"], []),
        (4, [], ["县委编办", "县司法局"], ["各乡镇人民政府"]),
    ]


@pytest.mark.parametrize(
    "copy",
    [
        lambda text: variants.hard_wrapped(text, 30),
        variants.ragged_pdf,
        variants.traditional,
        variants.in_word_spaces,
    ],
    ids=["hard-wrapped", "ragged", "traditional", "spaces"],
)
def test_a_list_grouped_by_unit_survives_its_copies(copy):
    # "…以内。配合：市自然资源局、市住建局" wrapped over two lines still ends its item
    text = (DOCUMENTS / "d23_yingshang_byunit.txt").read_text(encoding="utf-8")
    plan = parse_path_text(copy(text))
    assert [(m.no, len(m.lead), len(m.responsible)) for m in plan.tasks] == [
        (m.no, len(m.lead), len(m.responsible)) for m in parse("d23_yingshang_byunit").tasks
    ]


def test_a_heading_that_is_no_unit_leads_nothing():
    # 健全政府机构职能体系 holds 政府 but ends like no unit (corpus 009's heading)
    text = (DOCUMENTS / "d23_yingshang_byunit.txt").read_text(encoding="utf-8")
    plan = parse_path_text(text.replace("一、市发展改革委", "一、健全政府机构职能体系"))
    assert (plan.tasks[0].lead, plan.tasks[2].lead) == ([], [])
    assert next(d.line for d in plan.diagnostics if d.code == "heading-units") == 13


def test_sub_points_after_a_bracket_on_the_heading_line_belong_to_the_measure():
    # "1.建设…中心。（牵头单位：…）" over "（1）…" "（2）…" (d26; ASCII in fixture
    # styles/yanglao_subpoints.txt): the sub-points are the measure's text, the bracket not
    plan = parse("d26_fuwu_headbrackets")
    assert plan.tasks[0].title == "建设街道综合养老服务中心"
    assert plan.tasks[0].text.split("\n") == [
        "建设街道综合养老服务中心。",
        "（1）新建街道综合养老服务中心4个，每个中心床位不少于30张。",
        "（2）推动中心向社区延伸服务，开展上门服务2万人次。",
    ]
    assert targets(plan.tasks[3]) == [(None, 80, "%", ">="), (None, 100, "%", "=")]
    assert plan.tasks[2].recurring == ["每年开展一次养老机构服务质量等级评定"]
    plan = parse_path(FIXTURES / "styles" / "yanglao_subpoints.txt")
    assert [m.title for m in plan.tasks] == ["完善农村养老服务设施", "加强农村留守老年人关爱"]
    assert plan.tasks[0].text.endswith("(2)改造提升乡镇敬老院3所.")
    assert "牵头单位" not in plan.tasks[1].text


def test_label_fields_printed_run_in_keep_their_measures_and_deadlines():
    # "…完成时限:2025年6月底前2.淘汰…", "…以上。责任领导:副市长王某某责任单位:…" with every
    # line break removed (d28; fixture styles/shuili_fields.txt)
    for path in (
        DOCUMENTS / "d28_shengtai_ownlines.txt",
        FIXTURES / "styles" / "shuili_fields.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        fields = [(m.no, m.text, m.lead, m.responsible, m.deadline) for m in printed.tasks]
        got = [(m.no, m.text, m.lead, m.responsible, m.deadline) for m in run_in.tasks]
        assert got == fields  # …长期坚持某市…办公室2025年1月20日: the signature is cut off


def test_bare_role_words_with_a_colon_and_a_content_label():
    # （牵头：X；配合：Y） and "4.任务内容：实施…" over 责任单位/完成时限 lines (d33; ASCII in
    # fixture styles/shuzi_colonroles.txt)
    plan = parse("d33_shuzi_colonroles")
    assert (plan.tasks[0].lead, plan.tasks[0].responsible, plan.tasks[0].collectives) == (
        ["市工信局"],
        ["市通信发展办"],
        ["各区县人民政府"],
    )
    assert plan.tasks[1].deadline == "2024年10月底前"
    assert plan.tasks[3].text == "实施中小企业数字化转型行动，新增上云企业300家。"
    assert [m.deadline for m in plan.tasks[3:6]] == ["2024年12月底前", "全年", "2024年11月底前"]
    # 【责任单位】市直有关部门【完成时限】2024年底: the field is no unit, the collective stays
    assert (plan.tasks[8].collectives, plan.tasks[8].deadline) == (["市直有关部门"], "2024年底")
    plan = parse_path(FIXTURES / "styles" / "shuzi_colonroles.txt")
    assert [(m.text, m.lead, m.responsible) for m in plan.tasks] == [
        ("新建5G基站300个.", ["县工信局"], ["县通信发展办"]),
        ("建设县级政务云平台.", ["县大数据中心"], ["县财政局"]),
        ("建设智慧社区20个.", [], ["县民政局"]),
        ("推广电子社保卡应用.", [], ["县人社局", "县医保局"]),
        ("推进数字乡村建设.", ["县农业农村局"], []),
    ]
    assert (plan.tasks[4].collectives, plan.tasks[4].deadline) == (["各乡镇人民政府"], "2024年底")
    text = (FIXTURES / "styles" / "shuzi_colonroles.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(text))  # …【完成时限】2024年底某县…办公室2024年3月12日
    assert (run_in.issuer, run_in.date) == ("某县智慧城市建设领导小组办公室", "2024-03-12")
    assert run_in.tasks[4].deadline == "2024年底"


def test_a_deadline_field_is_read_whatever_its_form():
    # 完成时限：2024年6月 (no 底前), 时间节点：2024年第三季度 (d34; 完成时间 lines in fixture
    # styles/shuili_fields.txt)
    plan = parse("d34_jiuye_deadlines")
    assert [m.deadline for m in plan.tasks] == [
        "2024年6月",
        "2024年第三季度",
        "2024年10月",
        None,
        "2024年12月底前",
        "全年",
        "2024年11月",
        None,
    ]
    assert plan.date == "2024-03-05"  # 二〇二四年三月五日


# Round 5 (branch genre4): d35–d41 and their fixtures (tests/fixtures/styles).


def styles(name: str) -> str:
    return (FIXTURES / "styles" / name).read_text(encoding="utf-8")


def test_a_wechat_copy_keeps_its_measures_apart_from_the_article_chrome():
    # 原创 … 发表于贵州, 点击蓝字 关注我们 above; 来源：/编辑：/审核：/校对：, 阅读原文,
    # 往期推荐 below
    plan = parse("d35_sifa_wechat")
    assert (plan.title, plan.issuer, plan.date) == (
        "某县2024年公共法律服务工作要点",
        "某县司法局",
        "2024-02-28",
    )
    assert len(plan.tasks) == 8
    assert plan.tasks[-1].text.endswith("每个村（社区）至少3名。")


def test_a_markdown_copy_loses_its_markup():
    # "**一、总体要求**", "### （一）…", "- 1. 推进…", "> 某区…办公室" (d40); "## 标题",
    # "* **1.** **淘汰燃煤小锅炉。**…" (fixture styles/huanbao_markdown.txt)
    for text, title, measures in (
        (
            (DOCUMENTS / "d40_huanbao_markdown.txt").read_text(encoding="utf-8"),
            "某区2024年生态环境保护工作实施方案",
            7,
        ),
        (styles("huanbao_markdown.txt"), "某县2024年大气污染防治工作方案", 3),
    ):
        for printed in (text, variants.run_in(text)):
            plan = parse_path_text(printed)
            assert plan.title == title
            assert [m.no for m in plan.tasks] == list(range(1, measures + 1))
            assert all("*" not in m.text and "#" not in m.text for m in plan.tasks)
            assert plan.targets[0].unit == "微克/立方米"
            assert plan.targets[0].comparator == "<="
    plan = parse("d40_huanbao_markdown")
    assert [c.title for c in plan.chapters] == ["总体要求", "重点任务", "保障措施"]
    assert (plan.issuer, plan.date) == ("某区生态环境保护委员会办公室", "2024-03-15")


def test_goals_in_the_paragraph_under_a_front_matter_heading():
    # 二、总体要求 / 到2025年，全市人均体育场地面积达到2.6平方米以上… (d38, d40)
    assert [(t.year, t.value, t.unit) for t in parse("d38_shisiwu_zhuanlan").targets] == [
        (2025, 2.6, "平方米"),
        (2025, 40.0, "%"),
    ]
    assert [t.value for t in parse("d40_huanbao_markdown").targets] == [35.0, 85.0, 100.0]


def test_a_section_without_ordinals_among_ordinal_measures_is_one_measure():
    # （四）开展道路绿化提升。对…补植行道树2000株（区城市管理局负责）。 (d37; ASCII in fixture
    # styles/lvhua_yishi.txt)
    plan = parse("d37_lvhua_yishi_brackets")
    assert [(m.no, m.section) for m in plan.tasks] == [
        (1, "一"), (2, "一"), (3, "一"), (1, "二"), (2, "二"),
        (1, "三"), (2, "三"), (1, "四"), (1, "五"), (2, "五"), (3, "五"),
    ]  # fmt: skip
    assert plan.tasks[7].text == "对城区主次干道绿化带进行补植改造，补植行道树2000株"
    assert plan.tasks[7].lead == ["区城市管理局"]
    plan = parse_path(FIXTURES / "styles" / "lvhua_yishi.txt")
    assert [(m.no, m.section, m.lead) for m in plan.tasks][2] == (
        1,
        "二",
        ["县水利局", "县生态环境局"],
    )


def test_units_in_a_closing_sentence_and_before_the_signature():
    # 此项工作由X牵头，Y配合。 (d36 measure 1, fixture styles/jiaotong_cixiang.txt); the last
    # measure's units before a blank line and the signature (fixture styles/yanglao_trailing.txt)
    assert parse("d36_jiaotong_subjects").tasks[0].lead == ["市交通运输局"]
    plan = parse_path(FIXTURES / "styles" / "jiaotong_cixiang.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        (["县交通运输局"], ["县公安局"], []),
        (["县公安局"], [], []),
        ([], [], ["各乡镇人民政府"]),
    ]
    assert plan.tasks[2].text == "建设农村交通安全劝导站。新建劝导站20个。"
    plan = parse_path(FIXTURES / "styles" / "yanglao_trailing.txt")
    assert plan.tasks[2].lead == ["区民政局", "区残联"]
    assert (plan.issuer, plan.date) == ("某区民政局", "2024-04-02")


def test_box_items_are_no_measures_and_a_five_year_plan_gives_its_years():
    # 专栏1　体育公园重点工程 / 1.城北体育公园：… (d38, under (一) measures); 专栏1 items
    # numbered as the measures are (fixture styles/shisiwu_nongye.txt); “十四五” in the title
    plan = parse("d38_shisiwu_zhuanlan")
    assert (len(plan.tasks), plan.period) == (5, [2021, 2025])
    plan = parse_path(FIXTURES / "styles" / "shisiwu_nongye.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3]
    assert plan.period == [2021, 2025]
    box = [d for d in plan.diagnostics if d.code == "box-items-not-measures"]
    assert [d.line for d in box] == [7]


def test_items_quoting_the_report_keep_their_targets_without_the_quote_mark():
    # 1.“全年实施重点项目120个，…。”（X牵头，Y参与） (d39); ASCII quotes in fixture
    # styles/baogao_quotes.txt; a name in quotes inside the target keeps them
    plan = parse("d39_baogao_quotes")
    assert [t.quote for t in plan.tasks[1].targets] == [
        "规模以上工业企业15家",
        "规模以上工业增加值增长8%",
    ]
    plan = parse_path(FIXTURES / "styles" / "baogao_quotes.txt")
    assert plan.tasks[1].targets[0].quote == "固定资产投资80亿元以上"
    assert parse_path_text(variants.run_in(styles("baogao_quotes.txt"))).title == (
        "某县2024年《政府工作报告》重点工作分解"
    )
    text = "某县工作要点\n一、任务\n1.推进“智慧司法”自助服务终端覆盖率达100%。（县司法局负责）\n"
    assert "“智慧司法”自助服务终端" in parse_path_text(text).tasks[0].targets[0].quote


def test_a_timetable_of_stages_after_the_measures_gives_no_measures():
    # 第一阶段：动员部署阶段（2024年3月）… after (一)–(五), whose (1)–(3) sub-points follow the
    # bracket (d41)
    plan = parse("d41_anquan_stages")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5]
    assert all(m.deadline is None for m in plan.tasks)
    assert "（3）检查企业应急预案" in plan.tasks[0].text


def test_units_as_the_subjects_of_a_measures_sentences():
    # 由X牵头，会同Y，…; X负责…，各乡镇人民政府负责…; X要…；Y要…; 此项工作由X负责。 (d36, fixture
    # styles/jiaotong_subjects.txt); each such measure gets a diagnostic to check them
    plan = parse("d36_jiaotong_subjects")
    assert units(plan) == gold_units("d36_jiaotong_subjects")
    read = [d.line for d in plan.diagnostics if d.code == "units-in-text"]
    assert read == [11, 12, 15, 16, 17, 20, 21, 24]
    plan = parse_path(FIXTURES / "styles" / "jiaotong_subjects.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        (["县交通运输局"], ["县财政局"], []),
        (["县交通运输局"], [], ["各乡镇人民政府"]),
        (["县财政局", "县交通运输局"], [], []),
        (["县交通运输局"], [], []),
    ]
    assert plan.tasks[0].text.startswith("实施农村公路危桥改造。由县交通运输局牵头")
    # a call on everyone, or a bare 法院, is no attribution (corpus 003, 053, 058)
    text = (
        "某县工作要点\n一、任务\n1.加强执法。各部门、各单位要严格执法。\n"
        "2.公正司法。法院要公正司法。\n"
    )
    assert [(m.lead, m.collectives) for m in parse_path_text(text).tasks] == [([], []), ([], [])]


def test_a_markdown_table_reads_as_a_task_table():
    # | 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | over | --- | --- | … (d42); |:---:| rules
    # and bold headings (fixture styles/wenming_mdtable.txt); printed run in, the rows are lines
    # again (its signature, then on a line after the last row, is not read yet)
    plan = parse("d42_wenming_mdtable")
    assert [(m.no, m.chapter) for m in plan.tasks] == [
        (1, "一"), (2, "一"), (3, "二"), (4, "二"), (5, "二"), (6, "三"), (7, "三"),
    ]  # fmt: skip
    assert [m.deadline for m in plan.tasks][:2] == ["2024年6月底前", "2024年9月底前"]
    assert not any(d.code.startswith("numbering") for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "wenming_mdtable.txt")
    assert [(m.no, m.lead, m.collectives) for m in plan.tasks] == [
        (1, ["镇党政综合办"], ["各村（社区）"]),
        (2, ["镇社会事务办"], []),
        (3, ["镇妇联"], []),
    ]
    assert plan.title == "某镇2024年移风易俗工作任务分解"
    run_in = parse_path_text(variants.run_in(styles("wenming_mdtable.txt")))
    assert (units(run_in), run_in.title) == (units(plan), plan.title)


def test_a_heading_in_square_brackets_before_the_text():
    # 1.【推进农药减量控害】建设病虫害绿色防控示范区10个，… (d43, fixture
    # styles/xumu_bracketheads.txt): the words inside are the title, and 】 ends a clause
    plan = parse("d43_nongye_bracketheads")
    assert [m.title for m in plan.tasks][:2] == ["推进化肥减量增效", "推进农药减量控害"]
    assert [(t.value, t.unit) for t in plan.tasks[1].targets] == [(10.0, "个")]
    assert plan.tasks[3].targets[0].quote == "农膜回收率达到85%以上"
    plan = parse_path(FIXTURES / "styles" / "xumu_bracketheads.txt")
    assert [m.title for m in plan.tasks] == ["稳定生猪生产", "发展草食畜牧业", "强化动物疫病防控"]
    assert [(t.value, t.unit) for t in plan.tasks[1].targets] == [(3.0, "个")]


def test_the_fields_of_a_supervision_list():
    # 督办事项：… over 督办领导 (a person) / 主办单位 (the lead) / 协办单位 / 办结时限 or
    # 完成时间节点 (the deadline) (d44, fixture styles/duban_fields.txt)
    plan = parse("d44_duban_qingdan")
    assert units(plan) == gold_units("d44_duban_qingdan")
    assert plan.tasks[0].text == "全年新开工亿元以上产业项目20个，完成固定资产投资增长8%以上。"
    assert not any("某某" in (m.text + str(m.lead + m.responsible)) for m in plan.tasks)
    assert [m.deadline for m in plan.tasks][5:] == ["长期坚持", "2024年9月底前", "2024年12月底前"]
    assert (plan.tasks[5].lead, plan.tasks[5].responsible) == ([], ["县民政局"])  # 承办单位
    plan = parse_path(FIXTURES / "styles" / "duban_fields.txt")
    assert [(m.lead, m.responsible, m.collectives, m.deadline) for m in plan.tasks] == [
        (["区民政局"], ["区财政局", "区卫生健康局"], [], "2024年10月底前"),
        (["区城市管理局"], [], ["各街道办事处"], "2024年11月底前"),
        ([], ["区发展改革局"], [], "长期坚持"),
    ]
    assert plan.tasks[0].text == "建成区级综合养老服务中心1个."


def test_a_table_pasted_from_excel():
    # tab-parted cells in place, chapter rows merged across, a cell of two lines in quotes (d45);
    # a header over two lines, a leaders' column, an empty and a "/" cell (d46); both in the
    # fixture styles/gongshui_excel.txt
    plan = parse("d45_keji_excel")
    assert [(m.no, m.chapter) for m in plan.tasks][:4] == [
        (1, "一"),
        (2, "一"),
        (3, "一"),
        (4, "二"),
    ]
    assert plan.tasks[1].text == "开展科技型中小企业评价入库工作。\n全年入库科技型中小企业300家。"
    assert plan.tasks[1].line == 6  # the row's first line
    assert plan.tasks[6].targets[1].value == 10 and plan.tasks[6].targets[1].unit == "项"
    plan = parse("d46_gengxin_twoheader")
    assert units(plan) == gold_units("d46_gengxin_twoheader")
    assert (plan.tasks[5].responsible, plan.tasks[5].deadline) == ([], "2024年12月底前")
    assert not any("某某" in "".join(m.lead + m.responsible) for m in plan.tasks)
    plan = parse_path(FIXTURES / "styles" / "gongshui_excel.txt")
    assert [(m.no, m.chapter, m.lead, m.responsible, m.deadline) for m in plan.tasks] == [
        (1, "一", ["县水务局"], ["县发展改革局"], "2024年10月底前"),
        (2, "一", ["县水务局"], [], "2024年12月底前"),
        (3, "二", ["县卫生健康局"], ["县水务局"], "长期坚持"),
    ]
    assert plan.tasks[1].text == "改造老旧供水管网50公里.\n同步更新入户水表."


@pytest.mark.parametrize("name", ["d45_keji_excel", "d46_gengxin_twoheader"])
def test_a_table_pasted_from_excel_printed_run_in(name):
    # every line's last cell glued to the next line's first: the next row's number, a chapter
    # row that lost its tabs (…2024年12月底前二、建设高能级创新平台4), the lower header line's
    # first name (完成时限牵头单位, its empty edge cells gone); the last cell ends at its deadline
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert units(plan) == gold_units(name)
    assert [m.deadline for m in plan.tasks] == [m.deadline for m in parse(name).tasks]
    fixture = parse_path_text(variants.run_in(styles("gongshui_excel.txt")))
    assert units(fixture) == units(parse_path(FIXTURES / "styles" / "gongshui_excel.txt"))


def test_a_tab_table_with_a_remarks_column_printed_run_in():
    # 备注 last, its cell often empty: printed run in, the tab before an empty last cell goes
    # with the line's edge blanks, so the row takes one token fewer (d103, fixture
    # styles/linye_beizhu.txt); the remarks are no unit
    name = "d103_gengdi_baohu"
    plan = parse_path_text(variants.run_in((DOCUMENTS / f"{name}.txt").read_text("utf-8")))
    assert units(plan) == gold_units(name)
    assert [m.deadline for m in plan.tasks] == [m.deadline for m in parse(name).tasks]
    printed = parse_path(FIXTURES / "styles" / "linye_beizhu.txt")
    fixture = parse_path_text(variants.run_in(styles("linye_beizhu.txt")))
    expected = [
        (1, ["县林业局"], ["县交通运输局"], [], "2024年5月底前"),
        (2, ["县应急管理局"], [], ["各乡镇人民政府"], "2024年3月底前"),
        (3, ["县林业局"], [], [], "2024年4月底前"),
        (4, ["县林业局"], ["县财政局"], [], "2024年10月底前"),
    ]
    for plan in (printed, fixture):
        assert [(*u, m.deadline) for u, m in zip(units(plan), plan.tasks, strict=True)] == expected


@pytest.mark.parametrize("name", ["d47_fangxun_bullets", "d54_xiaofei_dashes"])
def test_bullets_open_measures_without_numbers(name):
    # ● and —— open each measure (d47, d54): numbered on through the plan, the bullet no part
    # of the text; hard-wrapped (a bullet opens its line) and printed run in alike
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan = parse(name)
    assert [m.no for m in plan.tasks] == list(range(1, len(gold(name)["tasks"]) + 1))
    assert not any(m.text[0] in "●—" for m in plan.tasks)
    assert not any(d.code.startswith("numbering") for d in plan.diagnostics)
    for copy in (variants.hard_wrapped(text), variants.run_in(text)):
        assert [m.text for m in parse_path_text(copy).tasks] == [m.text for m in plan.tasks]


def test_task_blocks_of_fields():
    # 任务一：heading over 具体措施：/责任单位：/配合单位：/完成时限： (d48, fixture
    # styles/renwu_blocks.txt), also printed run in (任务二： after the last field's value)
    plan = parse("d48_hezhang_renwu")
    assert [(m.no, m.title) for m in plan.tasks][:2] == [
        (1, "加强水资源保护"),
        (2, "加强河湖水域岸线管理保护"),
    ]
    assert plan.title == "某县2024年全面推行河湖长制工作任务"
    assert plan.tasks[3].deadline == "长期坚持"
    assert [(t.value, t.unit) for t in plan.tasks[4].targets] == [(12, "公里"), (300, "万尾")]
    text = (DOCUMENTS / "d48_hezhang_renwu.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(text))  # 加强水资源保护具体措施：…
    assert (run_in.tasks[0].title, run_in.tasks[0].text) == (
        "加强水资源保护",
        gold("d48_hezhang_renwu")["tasks"][0]["text"].replace("\n", ""),
    )
    assert (units(run_in), [m.title for m in run_in.tasks]) == (
        units(plan),
        [m.title for m in plan.tasks],
    )
    plan = parse_path(FIXTURES / "styles" / "renwu_blocks.txt")
    assert [(m.no, m.title, m.responsible, m.collectives) for m in plan.tasks] == [
        (1, "开展增殖放流", ["乡农业服务中心"], []),
        (2, "加强渔政执法", ["乡综合执法队", "乡派出所"], ["各村民委员会"]),
    ]
    run_in = parse_path_text(variants.run_in(styles("renwu_blocks.txt")))
    assert [(m.title, m.deadline) for m in run_in.tasks] == [
        ("开展增殖放流", "2024年6月底前"),
        ("加强渔政执法", "长期坚持"),
    ]


def test_an_ocr_copy():
    # "-、" for 一、, a date with 0 for 〇, page numbers inside measures, blanks inside names
    # (d49, fixture styles/ocr_copy.txt)
    plan = parse("d49_senlin_ocr")
    assert [c.no for c in plan.chapters] == ["一", "二", "三"]
    assert (plan.issuer, plan.date) == ("某县森林草原防灭火指挥部", "2024-03-10")
    assert [(t.value, t.unit, t.comparator) for t in plan.targets] == [
        (0.9, "‰", "<="),
        (95, "%", ">="),
    ]
    assert "3 —" not in plan.tasks[3].text and "-5-" not in plan.tasks[7].text
    assert plan.tasks[0].lead == ["县应急管理局"] and plan.tasks[4].responsible == [
        "县消防救援大队"
    ]
    text = (DOCUMENTS / "d49_senlin_ocr.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(text))  # …违规用— 3 —火行为…, …以水-5-灭火…
    assert [m.text for m in run_in.tasks] == [m.text for m in plan.tasks]
    assert [c.no for c in run_in.chapters] == ["一", "二", "三"]
    plan = parse_path(FIXTURES / "styles" / "ocr_copy.txt")
    assert ([c.no for c in plan.chapters], plan.date) == (["一", "二"], "2024-03-02")
    assert [(t.value, t.unit) for t in plan.targets] == [(90, "%")]
    run_in = parse_path_text(variants.run_in(styles("ocr_copy.txt")))  # …工作方案-、工作目标…
    assert (run_in.title, [c.no for c in run_in.chapters]) == (plan.title, ["一", "二"])


def test_a_bare_class_of_bodies_is_a_collective():
    # 各乡（镇）人民政府、街道办事处: 各 governs both; 村（社区） (d50, fixture
    # styles/jiedao_bare.txt); 城关街道办事处 names one
    plan = parse("d50_zhili_county")
    assert plan.tasks[0].collectives == ["各乡（镇）人民政府", "街道办事处"]
    assert plan.tasks[0].responsible == ["县民政局"]
    assert not any("街道办事处" in "".join(m.responsible) for m in plan.tasks)
    plan = parse_path(FIXTURES / "styles" / "jiedao_bare.txt")
    assert [m.collectives for m in plan.tasks] == [["各镇人民政府", "街道办事处"], ["社区"], []]
    # (its own place name, as written: no 区 put in front of it)
    assert plan.tasks[2].responsible == ["城关街道办事处"]


def test_an_annex_task_table_after_a_body_without_units():
    # the body's (一)(二) paragraphs name no units; 附件1 is the task table, 附件2 a list of
    # liaison officers, whose 单位 column holds no task (d51)
    plan = parse("d51_liangshi_annex")
    assert [(m.no, m.chapter, m.line) for m in plan.tasks] == [
        (1, None, 36), (2, None, 37), (3, None, 38), (4, None, 39), (5, None, 40),
    ]  # fmt: skip
    assert not any("王某某" in (m.attribution_raw or "") for m in plan.tasks)


def test_indicators_with_scores_are_no_measures():
    # a 考核评分细则: numbered items carrying （10分）, 扣5分 and no units (d52, fixture
    # styles/kaohe_zhibiao.txt)
    plan = parse("d52_anquan_kaohe")
    assert plan.tasks == []
    assert [(d.code, d.line) for d in plan.diagnostics if d.code.startswith("indicators")] == [
        ("indicators-not-measures", 7)
    ]
    plan = parse_path(FIXTURES / "styles" / "kaohe_zhibiao.txt")
    assert plan.tasks == []
    assert any(d.code == "indicators-not-measures" for d in plan.diagnostics)
    # a plan whose measures carry units keeps them, scores or not
    text = (
        "某县工作方案\n一、任务\n1.开展培训(5分).(县人社局负责)\n2.建设基地2个.(县农业农村局负责)\n"
    )
    assert [m.lead for m in parse_path_text(text).tasks] == [["县人社局"], ["县农业农村局"]]


def test_a_chapter_names_the_units_of_its_measures():
    # 以下任务由X牵头，Y配合。 under a heading, 本部分任务由… in brackets after it: each measure
    # of the chapter with no units of its own takes them, with a diagnostic (d53, fixture
    # styles/rencai_chapterlead.txt); printed run in, the line ends the heading
    plan = parse("d53_rencai_chapterlead")
    assert units(plan) == gold_units("d53_rencai_chapterlead")
    shared = [d.line for d in plan.diagnostics if d.code == "chapter-attribution"]
    assert shared == [9, 11, 13, 19, 21, 29, 31, 33]  # not measure 6, which has its bracket
    text = (DOCUMENTS / "d53_rencai_chapterlead.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(text))
    assert [c.title for c in run_in.chapters] == [c.title for c in plan.chapters]
    plan = parse_path(FIXTURES / "styles" / "rencai_chapterlead.txt")
    run_in = parse_path_text(variants.run_in(styles("rencai_chapterlead.txt")))
    assert (units(run_in), [c.title for c in run_in.chapters]) == (
        units(plan),
        [c.title for c in plan.chapters],
    )
    assert [c.title for c in plan.chapters] == ["提升景区品质", "丰富文化供给"]
    assert [(m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        (["县文化旅游局"], ["县发展改革局", "县自然资源局"], []),
        (["县文化旅游局"], ["县发展改革局", "县自然资源局"], []),
        (["县委宣传部"], [], ["各乡镇人民政府"]),
        (["县文化旅游局"], [], []),
    ]


def test_a_change_against_a_base_year_is_a_target_to_reach():
    # 较2020年下降15% under 具体措施 with its deadline in a field (d48), 比2020年下降16% and
    # 较上年提高2个百分点 in measures with no deadline (fixture styles/jieshui_compared.txt):
    # targets, not results already achieved; printed and run in
    text = (DOCUMENTS / "d48_hezhang_renwu.txt").read_text(encoding="utf-8")
    for plan in (parse("d48_hezhang_renwu"), parse_path_text(variants.run_in(text))):
        assert targets(plan.tasks[0]) == [(None, 15, "%", "=")]
    plan = parse_path(FIXTURES / "styles" / "jieshui_compared.txt")
    assert [targets(m) for m in plan.tasks] == [
        [(None, 16, "%", "=")],
        [(None, 2, "个百分点", "=")],
        [(None, 15, "家", "=")],
    ]


@pytest.mark.parametrize(
    ("path", "issuer"),
    [
        # names after a task table's last cells (…\t区直有关部门\t全年某区…办公室2024年3月20日)
        (DOCUMENTS / "d46_gengxin_twoheader.txt", "某区城市更新工作领导小组办公室"),
        (FIXTURES / "styles" / "huanwei_table_sign.txt", "某县城乡环境卫生整治工作领导小组办公室"),
        # names after an attachment list's titles, the attachments after the date
        (DOCUMENTS / "d51_liangshi_annex.txt", "某县人民政府办公室"),
        (FIXTURES / "styles" / "xiaoyuan_annex_sign.txt", "某县教育局"),
    ],
)
def test_a_signature_printed_run_in_after_table_cells_or_attachment_titles(path, issuer):
    text = path.read_text(encoding="utf-8")
    assert parse_path_text(variants.run_in(text)).issuer == issuer == parse_path(path).issuer


@pytest.mark.parametrize(
    "path",
    [DOCUMENTS / "d53_rencai_chapterlead.txt", FIXTURES / "styles" / "jiaotong_subjects.txt"],
)
def test_a_signature_printed_run_in_is_no_part_of_a_last_measure_without_units(path):
    # d53: its chapter's line above covers it; jiaotong_subjects: units from its sentences
    printed, run_in = as_printed_and(path, variants.run_in)
    assert run_in.tasks[-1].text == printed.tasks[-1].text.replace("\n", "")
    assert run_in.issuer not in run_in.tasks[-1].text


@pytest.mark.parametrize(
    "path",
    [
        DOCUMENTS / "d26_fuwu_headbrackets.txt",
        DOCUMENTS / "d41_anquan_stages.txt",
        FIXTURES / "styles" / "yanglao_subpoints.txt",
    ],
)
def test_sub_points_after_a_heading_bracket_printed_run_in(path):
    # "1.建设…中心。（牵头单位：…）（1）新建…（2）…": the sub-points are the measure's text
    printed, run_in = as_printed_and(path, variants.run_in)
    assert [m.text for m in run_in.tasks] == [m.text.replace("\n", "") for m in printed.tasks]
    assert [targets(m) for m in run_in.tasks] == [targets(m) for m in printed.tasks]
    assert units(run_in) == units(printed)


@pytest.mark.parametrize(
    "path",
    [DOCUMENTS / "d22_shipin_spaced.txt", FIXTURES / "styles" / "anquan_gapped.txt"],
)
def test_a_table_of_blank_gapped_cells_hard_wrapped_mid_row(path):
    # "1  开展…明厨亮灶”" / "覆盖率达到100%.  区教育局  区市场监管局  2024" / "年9月底前": one row
    # up to the line opening the next row's number (d22: two blanks; anquan_gapped: two
    # ideographic blanks)
    printed, wrapped = as_printed_and(path, variants.hard_wrapped)
    assert units(wrapped) == units(printed)
    assert [(m.text, m.deadline, targets(m)) for m in wrapped.tasks] == [
        (m.text, m.deadline, targets(m)) for m in printed.tasks
    ]
    assert len(printed.tasks) >= 4


@pytest.mark.parametrize(
    "path", [DOCUMENTS / "d42_wenming_mdtable.txt", FIXTURES / "styles" / "pingan_mdsign.txt"]
)
def test_a_signature_in_bold_after_a_markdown_table_printed_run_in(path):
    # "…2024年12月底前 |**某县新时代文明实践中心****2024年3月20日**": two bold paragraphs
    printed, run_in = as_printed_and(path, variants.run_in)
    assert (run_in.issuer, run_in.date) == (printed.issuer, printed.date)
    assert printed.issuer and printed.date
    assert units(run_in) == units(printed)


# Round 7 (branch genre7): d55–d63 and their fixtures (tests/fixtures/styles).


def test_a_division_of_labour_by_measure_numbers():
    # 市教育局负责第1、3、5、8项；… after the measures (d56; printed run in, its heading 四、责任
    # 分工 runs into the first clause), 第1、2项由X牵头,Y配合 (fixture styles/shangwu_byno.txt)
    plan = parse("d56_zhijiao_inverted")
    assert units(plan) == gold_units("d56_zhijiao_inverted")
    assert plan.tasks[3].attribution_raw == "市发展改革委负责，市财政局配合"
    by_number = [d.line for d in plan.diagnostics if d.code == "attribution-by-number"]
    assert by_number == [m.line for m in plan.tasks]
    assert not any(d.code in ("heading-units", "no-attribution") for d in plan.diagnostics)
    text = (DOCUMENTS / "d56_zhijiao_inverted.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == units(plan)
    plan = parse_path(FIXTURES / "styles" / "shangwu_byno.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县商务局"], ["县财政局"]),
        (["县商务局"], ["县财政局"]),
        (["县市场监管局"], []),
        ([], ["县交通运输局", "县邮政分公司"]),  # 县政府分管副县长 is a post, no unit
    ]


def test_a_heading_ending_in_a_word_for_layout_names_no_unit():
    # 一、优化职业教育布局 over measures without units (d56 without its 责任分工; fixture
    # styles/shangwu_byno.txt 一、完善商贸布局): 布局 ends like 局, but names no bureau
    text = (DOCUMENTS / "d56_zhijiao_inverted.txt").read_text(encoding="utf-8")
    plan = parse_path_text(text[: text.index("四、责任分工")])
    assert [m.lead for m in plan.tasks] == [[]] * 9
    assert not any(d.code == "heading-units" for d in plan.diagnostics)
    plan = parse_path_text(styles("shangwu_byno.txt").replace("第1、2项由", "第5项由"))
    assert plan.tasks[0].lead == []


def test_a_copy_that_lost_its_numbers():
    # paragraphs ending with their units, under headings without numerals, are the measures,
    # numbered in order and said to be (d60 printed and hard-wrapped at 30, where a wrap
    # falls right after （ and a heading stands under a bracket at the margin; fixture
    # styles/wenzhang_lostnumbers.txt in ASCII punctuation)
    plan = parse("d60_xiangcun_wordlost")
    assert units(plan) == gold_units("d60_xiangcun_wordlost")
    assert [(m.no, m.chapter) for m in plan.tasks] == [(n, None) for n in range(1, 8)]
    assert [d.line for d in plan.diagnostics if d.code == "numbers-inferred"] == [11]
    text = (DOCUMENTS / "d60_xiangcun_wordlost.txt").read_text(encoding="utf-8")
    wrapped = parse_path_text(variants.hard_wrapped(text))
    assert [m.text for m in wrapped.tasks] == [m.text for m in plan.tasks]
    plan = parse_path(FIXTURES / "styles" / "wenzhang_lostnumbers.txt")
    assert [(m.no, m.lead, m.collectives) for m in plan.tasks] == [
        (1, ["县文明办"], []),
        (2, ["县市场监管局"], ["各乡镇人民政府"]),
        (3, ["县城市管理局"], []),
        (4, ["县委宣传部"], []),
        (5, ["县公安局"], []),
    ]
    # one bracket in prose is no list of measures
    one = "某县工作方案\n\n为做好…工作，制定本方案。\n开展培训。（县人社局负责）\n"
    assert parse_path_text(one).tasks == []


def test_posts_and_task_forces_in_an_attribution():
    # 责任领导：分管副市长 is a person's field; 市城中村改造工作专班, 市城市更新指挥部办公室 and
    # 市城市更新工作领导小组办公室 are units; 市政府分管副市长牵头 names a post, no unit (d63)
    plan = parse("d63_chengshi_zhuanban")
    assert plan.tasks[1].lead == ["市城中村改造工作专班"]
    assert plan.tasks[0].lead == ["市城市更新指挥部办公室"]
    assert (plan.tasks[5].lead, plan.tasks[5].responsible[-1]) == (
        [],
        "市城市更新工作领导小组办公室",
    )


def test_measures_at_different_levels_per_chapter_and_full_width_letters():
    # (一) measures in 二、, 1. under (一) sections in 三、, 1. in 四、 (d57); Ａ．/Ｂ． sub-points
    # stay in their measure's text (d61)
    plan = parse("d57_shengtai_mixedlevels")
    assert [(m.chapter, m.section, m.no) for m in plan.tasks] == [
        ("二", None, 1),
        ("二", None, 2),
        ("二", None, 3),
        ("三", "一", 1),
        ("三", "一", 2),
        ("三", "二", 1),
        ("三", "二", 2),
        ("三", "二", 3),
        ("四", None, 1),
        ("四", None, 2),
    ]
    plan = parse("d61_jiuye_fullwidth")
    assert "Ｂ．对吸纳高校毕业生就业的企业给予一次性扩岗补助。" in plan.tasks[0].text
    assert len(plan.tasks) == 6


def test_treatment_capacity_and_concentration_counters():
    # 新增处理能力5万吨/日 and 浓度达到100毫克/升以上 (d58; fixture styles/shuiwu_capacity.txt)
    plan = parse("d58_wushui_yearly")
    assert [(t.year, t.value, t.unit, t.comparator) for t in plan.targets][1:] == [
        (2026, 100, "毫克/升", ">=")
    ]
    assert targets(plan.tasks[3]) == [(None, 5, "万吨/日", "=")]
    plan = parse_path(FIXTURES / "styles" / "shuiwu_capacity.txt")
    assert [targets(m) for m in plan.tasks][:2] == [
        [(None, 1.5, "万吨/日", "=")],
        [(None, 30, "毫克/升", "<=")],
    ]


def test_a_target_for_each_year_of_a_series():
    # 2024年完成40%，2025年完成80%，2026年全部完成 and 管网2024年30公里、2025年40公里、
    # 2026年50公里: each value is its year's target (d58; fixture styles/shuiwu_capacity.txt)
    plan = parse("d58_wushui_yearly")
    assert sorted(targets(plan.tasks[0])) == [(2024, 40, "%", "="), (2025, 80, "%", "=")]
    assert sorted(targets(plan.tasks[1])) == [
        (2024, 30, "公里", "="),
        (2025, 40, "公里", "="),
        (2026, 50, "公里", "="),
    ]
    assert sorted(targets(plan.tasks[5])) == [(2024, 90, "%", "="), (2026, 95, "%", ">=")]
    plan = parse_path(FIXTURES / "styles" / "shuiwu_capacity.txt")
    assert sorted(targets(plan.tasks[2])) == [
        (2024, 8, "公里", "="),
        (2024, 85, "%", "="),
        (2025, 12, "公里", "="),
        (2025, 90, "%", ">="),
    ]
    # a review of results already achieved states none
    review = "某县工作要点\n一、任务\n1.2021年以来,2021年完成40%,2022年完成80%.(县住建局负责)\n"
    assert parse_path_text(review).tasks[0].targets == []
    # a value qualifying a noun is none (seed 000, measure 44: 2022年完成1千人以上的…安置点…)
    qualifier = "2022年完成1千人以上的安置点示范点创建工作,2023年实现1千人以下的安置点全覆盖。"
    assert find_targets(qualifier) == []


def test_goals_after_a_short_clause_under_a_front_matter_heading():
    # 二、总体要求 / 以改善生态环境质量为核心，到2024年底，…达到90%以上 (d57; fixture
    # styles/shengtai_frontgoal.txt: 坚持因地制宜、分类推进,到2024年底,…)
    plan = parse("d57_shengtai_mixedlevels")
    assert [(t.year, t.value, t.comparator) for t in plan.targets] == [
        (2024, 90, ">="),
        (2024, 100, "="),
    ]
    plan = parse_path(FIXTURES / "styles" / "shengtai_frontgoal.txt")
    assert [(t.year, t.value, t.comparator) for t in plan.targets] == [
        (2024, 85, ">="),
        (2024, 95, "="),
    ]


def test_a_rate_after_a_duty_per_period_is_a_target():
    # 每月开展一次…排查，重大矛盾纠纷化解率达到95%以上 (d59; fixture styles/pingan_rate.txt):
    # the duty is recurring, the rate a target; in the duty's own clause a rate is its quota
    plan = parse("d59_pingan_alias")
    assert targets(plan.tasks[0]) == [(None, 95, "%", ">=")]
    assert plan.tasks[0].recurring == ["每月开展一次矛盾纠纷集中排查"]
    plan = parse_path(FIXTURES / "styles" / "pingan_rate.txt")
    assert [targets(m) for m in plan.tasks] == [[(None, 95, "%", ">=")], [(None, 90, "%", "=")]]
    assert find_targets("每年培训覆盖率提高5%。") == []


def test_a_change_year_on_year_is_a_target_unless_measured_before():
    # 发案数同比下降10% in a measure (d59; fixture styles/fanzha_tongbi.txt 涉诈电话卡数量同比
    # 下降20%, 确保全年…同比下降15%以上, 力争…同比减少10%): a target to reach
    assert targets(parse("d59_pingan_alias").tasks[5]) == [(None, 10, "%", "=")]
    plan = parse_path(FIXTURES / "styles" / "fanzha_tongbi.txt")
    assert [targets(m) for m in plan.tasks] == [
        [(None, 15, "%", ">=")],
        [(None, 20, "%", "=")],
        [(None, 10, "%", "=")],
    ]
    # a review of results: the period measured named before 同比 (2023年，…), or 以来 / 已
    assert find_targets("2023年,全县电信网络诈骗发案数同比下降18%.") == []
    assert find_targets("今年以来,全县已破获电信网络诈骗案件同比上升12%.") == []
    assert find_targets("2023年全县地区生产总值同比增长6.5%。") == []
    # what is to be done by a year: a target
    [target] = find_targets("到2025年,全县发案数同比下降20%。")
    assert (target.year, target.value, target.comparator) == (2025, 20, "=")


def test_a_value_set_by_a_reorganisation_is_a_target():
    # 到2025年全市中等职业学校调整为12所 (d56; fixture styles/jiaoyu_buju.txt 乡村小学优化为
    # 28所, 卫生院整合为6个医共体分院, 议事协调机构压减至40个 as 压减到: at most)
    assert targets(parse("d56_zhijiao_inverted").tasks[0]) == [(2025, 12, "所", "=")]
    plan = parse_path(FIXTURES / "styles" / "jiaoyu_buju.txt")
    assert [targets(m) for m in plan.tasks] == [
        [(2025, 28, "所", "=")],
        [(None, 6, "个", "=")],
        [(None, 40, "个", "<=")],
    ]


def test_a_heading_over_a_shorter_sentence_in_a_titled_document():
    # 推进历史文化街区保护。修缮历史建筑40处。 (d63 measure 5; fixture styles/jiaotong_cixiang.txt
    # measure 3: 建设农村交通安全劝导站。新建劝导站20个。): the document's measures carry titles
    plan = parse("d63_chengshi_zhuanban")
    assert plan.tasks[4].title == "推进历史文化街区保护"
    plan = parse_path(FIXTURES / "styles" / "jiaotong_cixiang.txt")
    assert [m.title for m in plan.tasks] == [
        "排查农村公路临水临崖路段",
        "整治农用车违法载人",
        "建设农村交通安全劝导站",
    ]
    # in a document whose measures carry none, a first short sentence stays prose
    untitled = (
        "一、重点任务\n"
        "1.组织开展农村公路安全隐患排查整治工作，全面消除临水临崖路段隐患。完成50公里。\n"
        "2.持续开展农用车违法载人专项整治行动，依法查处各类违法行为。每月不少于2次。\n"
        "3.推进劝导站建设工作。新建20个。\n"
    )
    assert [m.title for m in parse_path_text(untitled).tasks] == [None, None, None]


def test_goals_under_a_heading_that_lost_its_numeral():
    # 总体要求 / 坚持…，到2024年底，…普及率达到80%以上 in a copy without numbers (d60); 工作目标 /
    # 全县城镇新增就业3000人以上… (fixture styles/jiuye_lostgoals.txt), whose 指导思想 states none
    plan = parse("d60_xiangcun_wordlost")
    assert [(t.year, t.value, t.comparator) for t in plan.targets] == [(2024, 80, ">=")]
    plan = parse_path(FIXTURES / "styles" / "jiuye_lostgoals.txt")
    assert [(t.year, t.value, t.unit, t.comparator) for t in plan.targets] == [
        (None, 3000, "人", ">="),
        (None, 5.5, "%", "<="),
    ]
    assert len(plan.tasks) == 3


def test_a_title_run_into_a_preamble_opening_with_its_issuer():
    # 某州2024年平安建设工作要点中共某州委政法委员会（以下简称州委政法委）会同… (d59 printed
    # run-in); …工作要点县生态环境保护委员会办公室会同各成员单位… (fixture
    # styles/shengtai_issuerfirst.txt run in): the title ends before the issuer's name
    for path in (
        DOCUMENTS / "d59_pingan_alias.txt",
        FIXTURES / "styles" / "shengtai_issuerfirst.txt",
    ):
        text = path.read_text(encoding="utf-8")
        assert parse_path_text(variants.run_in(text)).title == parse_path_text(text).title
    assert parse("d59_pingan_alias").title == "某州2024年平安建设工作要点"


def test_a_copy_that_lost_its_numbers_printed_run_in():
    # every line break removed from a copy without numbers: …行政村。重点任务实施农村道路畅通
    # 工程。…8座。（牵头单位：…）推进农村供水保障。… — each bracket closing a sentence ends its
    # measure, the first after the working heading glued before it, and the goal paragraph
    # under 总体要求 / 工作目标 runs up to that heading (d60; fixtures styles/
    # wenzhang_lostnumbers.txt and jiuye_lostgoals.txt in ASCII punctuation)
    for path in (
        DOCUMENTS / "d60_xiangcun_wordlost.txt",
        FIXTURES / "styles" / "wenzhang_lostnumbers.txt",
        FIXTURES / "styles" / "jiuye_lostgoals.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [(m.no, m.text, m.title) for m in run_in.tasks] == [
            (m.no, m.text, m.title) for m in printed.tasks
        ]
        assert units(run_in) == units(printed)
        assert [(t.value, t.unit) for t in run_in.targets] == [
            (t.value, t.unit) for t in printed.targets
        ]
        assert [d.code for d in run_in.diagnostics if d.code == "numbers-inferred"] == [
            "numbers-inferred"
        ]
    assert parse_path_text(variants.run_in(styles("wenzhang_lostnumbers.txt"))).tasks[0].text == (
        "开展志愿服务进社区活动,全年培育志愿服务品牌项目10个,推动志愿服务常态化、制度化."
    )
    # one bracket closing a sentence is no list of measures
    one = "某县工作方案为做好…工作，制定本方案。重点任务开展培训。（县人社局负责）"
    assert parse_path_text(one).tasks == []


def test_a_copy_without_numbers_or_headings_printed_run_in():
    # no working heading either: the first measure starts after the sentence closing the
    # preamble (…分解如下。, …制定本清单.), not at its own last sentence (d60 without its
    # 总体要求 and 重点任务 headings; fixture styles/shuili_lostheadings.txt, ASCII)
    d60 = (DOCUMENTS / "d60_xiangcun_wordlost.txt").read_text(encoding="utf-8")
    headless = re.sub(r"\n总体要求\n\n[^\n]*\n", "\n", d60.replace("\n重点任务\n", "\n"))
    for text in (headless, styles("shuili_lostheadings.txt")):
        printed, run_in = _printed_and_run_in(text)
        assert [(m.no, m.text, m.title) for m in run_in.tasks] == [
            (m.no, m.text, m.title) for m in printed.tasks
        ]
        assert units(run_in) == units(printed)
    assert run_in.tasks[0].text.startswith("实施农村供水保障工程.")
    # a goal paragraph between the preamble and the first measure is no part of it
    run_in = parse_path_text(variants.run_in(d60.replace("\n重点任务\n", "\n")))
    assert "总体要求" not in run_in.tasks[0].text


def test_a_copy_without_numbers_with_goals_but_no_working_heading_printed_run_in():
    # a goal paragraph under its heading, then the measures with no working heading: the
    # first measure holds as many sentences as the others (its title sentence with its work),
    # not its last only, and the goals end where it starts (d60 without 重点任务; fixture
    # styles/jianshe_goalnohead.txt under 工作目标)
    d60 = (DOCUMENTS / "d60_xiangcun_wordlost.txt").read_text(encoding="utf-8")
    for text in (d60.replace("\n重点任务\n", "\n"), styles("jianshe_goalnohead.txt")):
        printed, run_in = _printed_and_run_in(text)
        assert [(m.no, m.text, m.title) for m in run_in.tasks] == [
            (m.no, m.text, m.title) for m in printed.tasks
        ]
        assert units(run_in) == units(printed)
        assert [(t.value, t.unit) for t in run_in.targets] == [
            (t.value, t.unit) for t in printed.targets
        ]
    assert run_in.tasks[0].text.startswith("完善小区基础设施。")


@pytest.mark.parametrize(
    "path",
    [DOCUMENTS / "d131_ducha_tongbao.txt", FIXTURES / "styles" / "tongbao_zhenggai.txt"],
    ids=lambda path: path.stem,
)
def test_a_title_run_into_its_addressees_line(path):
    # printed run in, a 通报's title glued to its addressees (…的通报各乡镇人民政府，县直各有关
    # 部门：按照…): the title ends before them, as before a preamble opener
    text = path.read_text(encoding="utf-8")
    assert parse_path_text(variants.run_in(text)).title == parse_path_text(text).title


def test_a_highway_section_and_an_observatory_are_units():
    # 公路段 and 气象台 end no name the gazetteer knew: printed without their county they take
    # it, and a bare list of them under a first-is-lead note is an attribution (round 13,
    # fixtures styles/fangxun_gonglu.txt and styles/jiaotong_yanghu.txt)
    plan = parse_path(FIXTURES / "styles" / "fangxun_gonglu.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县水利局"], ["县水文站", "县气象台"]),
        (["县气象台"], ["县应急管理局"]),
        (["县公路段"], ["县自然资源局"]),
        (["县交通运输局"], ["县公路段"]),
    ]
    plan = parse_path(FIXTURES / "styles" / "jiaotong_yanghu.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县交通运输局"], ["县公路段"]),
        (["县公路段"], ["县气象台", "县公安局交警大队"]),
        (["县公安局交警大队"], ["县气象台", "县公路段"]),
    ]
    assert not [d for d in plan.diagnostics if d.code == "unknown-unit"]


def test_a_review_dated_by_months_reports_results():
    # a change after a part of the year already measured, closing its own clause (1—10月，…
    # 同比下降12%; 1—9月，…较上年同期增长18%; 前三季度，/ 上半年，/ 一季度，…同比…) reports a
    # result, as a year named before the base does; a period to come (11—12月，组织开展…) or
    # a future word (确保 / 力争) before the change states a target (fixtures
    # styles/daqi_review.txt, full-width, and gongye_review.txt, ASCII)
    plan = parse_path(FIXTURES / "styles" / "daqi_review.txt")
    assert [(t.year, t.value, t.unit) for t in plan.targets] == [
        (2024, 35, "微克/立方米"),
        (2024, 1, "%"),
    ]
    assert [targets(m) for m in plan.tasks] == [
        [(None, 50, "家", "=")],
        [(2024, 1200, "辆", "=")],
        [(None, 10, "%", "=")],
        [(None, 5, "%", "=")],
    ]
    plan = parse_path(FIXTURES / "styles" / "gongye_review.txt")
    assert [(t.value, t.unit, t.comparator) for t in plan.targets] == [
        (7, "%", ">="),
        (15, "家", "="),
    ]
    assert [targets(m) for m in plan.tasks] == [
        [(None, 5, "个", "=")],
        [(None, 5, "家", "=")],
        [(None, 8, "%", "=")],
    ]
    assert find_targets("1—10月，全市规模以上工业增加值同比增长8.5%。") == []
    assert find_targets("今年1至9月，全县实现社会消费品零售总额较上年同期增长6%。") == []
    [target] = find_targets("确保上半年全市PM2.5平均浓度同比下降5%。")
    assert target.value == 5


@pytest.mark.parametrize(
    "path",
    [
        DOCUMENTS / "d60_xiangcun_wordlost.txt",
        FIXTURES / "styles" / "wenzhang_lostnumbers.txt",
        FIXTURES / "styles" / "jiuye_lostgoals.txt",
    ],
    ids=lambda path: path.stem,
)
def test_a_copy_without_numbers_hard_wrapped_at_any_width_keeps_its_units(path):
    # a sentence ending right at the margin prints its units on the next line ("…危房改造
    # 150户。" over "（牵头单位：…）": d60 at 29), and a wrap inside the bracket after a field
    # opens the next line with a label ("（牵头单位：县农业农村局；" over "责任单位：…）": d60 at
    # 26): each measure keeps its units, at every width from 16 to 40 characters
    text = path.read_text(encoding="utf-8")
    printed = parse_path_text(text)
    expected = [(m.no, m.text, m.lead, m.responsible, m.collectives) for m in printed.tasks]
    for width in range(16, 41):
        wrapped = parse_path_text(variants.hard_wrapped(text, width))
        got = [(m.no, m.text, m.lead, m.responsible, m.collectives) for m in wrapped.tasks]
        assert got == expected, width
        assert [m.attribution_raw for m in wrapped.tasks] == [
            m.attribution_raw for m in printed.tasks
        ], width


def same_measures(path: Path, width: int) -> None:
    """The measures of ``path`` hard-wrapped at ``width`` are those it has as printed (a
    cell's own line break aside: the wrap joins its lines)."""
    text = path.read_text(encoding="utf-8")
    printed = parse_path_text(text)
    wrapped = parse_path_text(variants.hard_wrapped(text, width))
    assert units(wrapped) == units(printed), width
    assert [(m.text.replace("\n", ""), m.deadline) for m in wrapped.tasks] == [
        (m.text.replace("\n", ""), m.deadline) for m in printed.tasks
    ], width


@pytest.mark.parametrize(
    ("path", "width"),
    [
        (DOCUMENTS / "d46_gengxin_twoheader.txt", 24),
        (DOCUMENTS / "d46_gengxin_twoheader.txt", 36),
        (DOCUMENTS / "d51_liangshi_annex.txt", 24),
        (DOCUMENTS / "d51_liangshi_annex.txt", 26),
        (DOCUMENTS / "d45_keji_excel.txt", 20),
        (FIXTURES / "styles" / "huanwei_table_sign.txt", 22),
    ],
    ids=lambda value: value if isinstance(value, int) else value.stem,
)
def test_a_tab_table_hard_wrapped_keeps_its_header_and_its_cells_apart(path, width):
    # a header opening with 序号 and a tab under a preamble or a caption that reached the
    # margin starts a line of its own, and a row's piece broken right after a tab keeps it
    # (…县自然资源局\t over 2024年12月底前)
    same_measures(path, width)


@pytest.mark.parametrize(
    ("path", "width"),
    [
        (DOCUMENTS / "d04_daqi_table.txt", 34),
        (FIXTURES / "styles" / "shuzi_qingdan.txt", 28),
    ],
    ids=lambda value: value if isinstance(value, int) else value.stem,
)
def test_a_table_of_short_lines_hard_wrapped_with_one_whole_cell_at_the_margin(path, width):
    # three lines at the longest length, one a whole cell ending in 。 that happens to fill
    # the line and two broken mid-sentence: the copy is wrapped (two in three suffice)
    same_measures(path, width)


def test_a_tab_table_without_numbers_printed_run_in():
    # each row's deadline glued to the next row's topic (…2024年11月底前城镇污水治理\t…,
    # fixture styles/huanbao_tabnonumber.txt) or, the topic printed on a group's first row
    # only, to its task, the empty cell's tab lost with the line break (…2024年12月底前推动高频
    # …, d66): the rows are the measures, as printed; the chapter over the table ends at the
    # header's first cell
    for path in (
        FIXTURES / "styles" / "huanbao_tabnonumber.txt",
        DOCUMENTS / "d66_shuzi_topiccol.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert units(run_in) == units(printed)
        assert [(m.text, m.deadline, m.chapter) for m in run_in.tasks] == [
            (m.text, m.deadline, m.chapter) for m in printed.tasks
        ]
    assert [c.title for c in run_in.chapters] == ["工作目标", "重点任务", "保障措施"]
    plan = parse_path_text(
        "某县2024年河湖管护重点工作清单为加强河湖管护，制定本清单。一、重点工作工作任务\t"
        "牵头单位\t完成时限开展河湖清四乱专项行动。\t县水利局\t2024年6月底前"
        "完成河湖划界复核。\t县自然资源局\t2024年9月底前二、工作要求各乡镇要按时报送进展。"
    )
    assert [(m.text, m.lead, m.deadline) for m in plan.tasks] == [
        ("开展河湖清四乱专项行动。", ["县水利局"], "2024年6月底前"),
        ("完成河湖划界复核。", ["县自然资源局"], "2024年9月底前"),
    ]
    assert plan.chapters[0].title == "重点工作"


@pytest.mark.parametrize(
    "path",
    [DOCUMENTS / "d66_shuzi_topiccol.txt", FIXTURES / "styles" / "weijian_topicgroups.txt"],
    ids=lambda path: path.stem,
)
def test_a_tab_table_with_its_topic_on_a_groups_first_row_hard_wrapped(path):
    # each line stripped: a row under a topic loses its empty first cell's tab, so it opens
    # with its task (one cell short); and a whole row at the margin is not continued by the
    # next row's first line, which holds a tab (a row holds no more cells than its header)
    text = path.read_text(encoding="utf-8")
    printed, wrapped = parse_path_text(text), parse_path_text(variants.hard_wrapped(text))
    assert units(wrapped) == units(printed)
    assert [(m.text, m.deadline) for m in wrapped.tasks] == [
        (m.text, m.deadline) for m in printed.tasks
    ]


def test_a_copy_wrapped_with_two_lines_at_the_margin_and_short_label_lines():
    # two lines broken at the margin mid-sentence, each over its short rest that ends the
    # paragraph, among label lines all short: the copy is wrapped (d125 at 30, "…背街小巷45" /
    # "条。"; fixture styles/shuzi_colonroles.txt at 24, "…(牵头:县工信局;配合" / ":县通信…)")
    text = (DOCUMENTS / "d125_zhixiashi_qu.txt").read_text(encoding="utf-8")
    printed, wrapped = parse_path_text(text), parse_path_text(variants.hard_wrapped(text))
    assert [(t.value, t.unit) for t in wrapped.targets] == [
        (t.value, t.unit) for t in printed.targets
    ]
    fixture = styles("shuzi_colonroles.txt")
    printed = parse_path_text(fixture)
    wrapped = parse_path_text(variants.hard_wrapped(fixture, 24))
    assert [m.attribution_raw for m in wrapped.tasks] == [m.attribution_raw for m in printed.tasks]


def test_a_copy_wrapped_twice_keeps_its_lines_short_rests_in_their_paragraphs(shared_dir, tmp_path):
    # a ragged PDF layer (35 characters) hard-wrapped again: "…设施，2" / "024年底" / "前完成2个…"
    # — each first line's short rest, ending mid-sentence, runs on, so that 2024年底前, 每年
    # and 到2025年…消除比例保持100% are read whole (d05 at 24 to 30; d03, printed wrapped
    # at 30, wrapped again at 20 and 24; the seeds' ragged copies wrapped again at 30)
    text = (DOCUMENTS / "d05_shui_ragged.txt").read_text(encoding="utf-8")
    printed = parse("d05_shui_ragged")
    for width in (24, 26, 28, 30):
        plan = parse_path_text(variants.hard_wrapped(text, width))
        assert [(m.text, targets(m), m.recurring) for m in plan.tasks] == [
            (m.text, targets(m), m.recurring) for m in printed.tasks
        ], width
        assert [(t.year, t.value) for t in plan.targets] == [(2025, 85), (2025, 100)], width
        assert plan.issuer == "某县人民政府办公室", width
    d03 = (DOCUMENTS / "d03_xiangcun_outline.txt").read_text(encoding="utf-8")
    for width in (20, 24):
        plan = parse_path_text(variants.hard_wrapped(d03, width))
        figures = score_plan(shared_dir, DOCUMENTS / "d03_xiangcun_outline.json", plan, tmp_path)
        assert figures["overall"] >= BAR, figures["report"]
    for seed in sorted((shared_dir / "seeds").glob("*.txt")):
        copy = variants.hard_wrapped(variants.ragged_pdf(seed.read_text(encoding="utf-8")), 30)
        gold_file = shared_dir / "gold" / f"{seed.stem}.json"
        figures = score_plan(shared_dir, gold_file, parse_path_text(copy), tmp_path)
        assert figures["overall"] >= BAR, figures["report"]


def test_units_closing_the_last_sentence_after_an_ascii_period():
    # "…建设50公里.此项工作由县交通运输局牵头,县公安局配合." in ASCII punctuation, as after 。:
    # the closing sentence of units is the measure's attribution, not its text (fixture
    # styles/weijian_asciiunits.txt; styles/jiaotong_cixiang.txt with its 。 printed as .)
    plan = parse_path(FIXTURES / "styles" / "weijian_asciiunits.txt")
    assert units(plan) == [
        (1, ["区城市管理局"], [], []),
        (2, ["区卫生健康局"], ["区市场监管局"], ["各街道办事处"]),
        (3, ["区卫生健康局", "区教育局"], [], []),
    ]
    assert plan.tasks[1].text == "加强病媒生物防制,完成农贸市场防蝇防鼠设施改造15个."
    text = styles("jiaotong_cixiang.txt")
    full = parse_path_text(text)
    ascii_copy = parse_path_text(text.replace("。", ".").translate(variants.FULL_TO_ASCII))
    assert units(ascii_copy) == units(full)
    assert len(ascii_copy.tasks) == 3
    # a decimal point ends no sentence: 2.5万 stays in the text before its units
    [measure] = parse_path_text(
        "某县工作方案\n一、重点任务\n1.开展技能培训,培训2.5万人次.县人社局负责.\n"
    ).tasks
    assert (measure.text, measure.lead) == ("开展技能培训,培训2.5万人次.", ["县人社局"])


def test_the_wrapped_rest_of_a_page_chrome_line_goes_with_it():
    # hard-wrapped, a news page's chrome line at the margin leaves its rest on the next line:
    # "上一篇：…世界卫生日宣传活" over "动的通知" after the last article (d21 at 30), "当前位置：…
    # > 某县2024年水利工程建设管理工" over "作要点" above the title (fixture
    # styles/shuili_newspage.txt): the rest is dropped with its line
    name = "d21_weijian_news"
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.hard_wrapped(text))
    assert [m.text for m in plan.tasks] == [t["text"] for t in gold(name)["tasks"]]
    path = FIXTURES / "styles" / "shuili_newspage.txt"
    text = path.read_text(encoding="utf-8")
    printed = parse_path(path)
    assert printed.title == "某县2024年水利工程建设管理工作要点"
    expected = [(m.no, m.text, m.lead, m.responsible, m.collectives) for m in printed.tasks]
    assert len(expected) == 4
    for width in range(22, 39):
        plan = parse_path_text(variants.hard_wrapped(text, width))
        assert (plan.title, plan.issuer, plan.date) == (
            printed.title,
            printed.issuer,
            printed.date,
        ), width
        got = [(m.no, m.text, m.lead, m.responsible, m.collectives) for m in plan.tasks]
        assert got == expected, width


def test_a_wrap_right_before_a_decimal_quantity_continues_the_line():
    # "…能耗降低至" over "0.45吨标准煤/万元以下。" (d11 hard-wrapped at 26), "…惠及居民" over
    # "1.8万户。" (d63 at 28), "…技能培训" over "１．２万人次。" (d61 at 24): 0.45 and 1.8 open
    # no decimal outline item, a counter follows them; the target is read whole
    for name, width, number in (
        ("d11_jieneng_firstlead", 26, 0.45),
        ("d63_chengshi_zhuanban", 28, 1.8),
        ("d61_jiuye_fullwidth", 24, 1.2),
    ):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        plan = parse_path_text(variants.hard_wrapped(text, width))
        assert [m.text for m in plan.tasks] == [t["text"] for t in gold(name)["tasks"]], name
        assert number in [t.value for m in plan.tasks for t in m.targets], name
    # a decimal outline's number opens its heading as before (d03, printed wrapped at 30)
    plan = parse("d03_xiangcun_outline")
    assert [m.no for m in plan.tasks] == [t["no"] for t in gold("d03_xiangcun_outline")["tasks"]]


def test_paragraphs_without_numbers_under_numbered_headings_printed_run_in():
    # 一、总体要求 / 二、重点任务 / 三、保障措施 over paragraphs that lost their numbers, every line
    # break removed: "二、重点任务实施农村道路畅通工程。…8座。（牵头单位：…）推进…" — each bracket
    # closing a sentence ends a measure, the chapter's title ends where its first measure
    # starts (d60 and fixture styles/wenzhang_lostnumbers.txt with their headings numbered)
    for path in (
        DOCUMENTS / "d60_xiangcun_wordlost.txt",
        FIXTURES / "styles" / "wenzhang_lostnumbers.txt",
    ):
        text = path.read_text(encoding="utf-8")
        text = text.replace("总体要求\n", "一、总体要求\n").replace("重点任务\n", "二、重点任务\n")
        text = text.replace("保障措施\n", "三、保障措施\n")
        printed, run_in = _printed_and_run_in(text)
        assert len(printed.tasks) >= 5
        fields = [
            (m.no, m.chapter, m.text, m.lead, m.responsible, m.collectives) for m in printed.tasks
        ]
        assert [
            (m.no, m.chapter, m.text, m.lead, m.responsible, m.collectives) for m in run_in.tasks
        ] == fields
        assert [c.title for c in run_in.chapters] == [c.title for c in printed.chapters]
    # a plan whose measures carry numbers (一是… in chapter 一) reads no paragraph by its
    # bracket alone in chapter 二, where a glued 一是 is missed: no measure the printed copy
    # does not have (fixture styles/yingshang_yishi.txt run in)
    text = styles("yingshang_yishi.txt")
    printed = {(m.no, m.chapter, m.text) for m in parse_path_text(text).tasks}
    run_in = parse_path_text(variants.run_in(text)).tasks
    assert run_in and {(m.no, m.chapter, m.text) for m in run_in} <= printed


# -- round 9 (branch genre9) ----------------------------------------------------------------


def test_fields_on_one_line_apart_by_blanks():
    # 责任领导：…（副县长）　　牵头单位：…　　配合单位：…　　完成时限：… under each measure (d64;
    # fixture styles/fangguanfu_fields.txt, ASCII colons, fields apart by two blanks): the
    # leader is no unit, the deadline is the field's value, and hard-wrapped the line's rest
    # continues it, blanks and all
    plan = parse("d64_shuangjian_oneline")
    assert units(plan) == gold_units("d64_shuangjian_oneline")
    assert [m.deadline for m in plan.tasks][:3] == [
        "2024年6月底前",
        "2024年起每学期",
        "2024年12月底前",
    ]
    text = (DOCUMENTS / "d64_shuangjian_oneline.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.hard_wrapped(text))) == units(plan)
    fixture = FIXTURES / "styles" / "fangguanfu_fields.txt"
    plan = parse_path(fixture)
    expected = [
        (1, ["市政务服务中心"], ["市司法局"], ["市直有关部门"]),
        (2, ["市市场监管局"], ["市政务服务中心", "市司法局"], []),  # 督办单位 is none
        (3, ["市市场监管局"], [], ["市直有关部门"]),
        (4, ["市司法局"], ["市公安局", "市生态环境局"], ["各区县人民政府"]),
    ]
    assert units(plan) == expected
    for columns in (24, 30):
        wrapped = variants.hard_wrapped(fixture.read_text(encoding="utf-8"), columns)
        assert units(parse_path_text(wrapped)) == expected


def test_a_body_named_with_a_quoted_word_signs_the_plan():
    # 某县“双减”工作专班办公室 over its date, then 抄送 and a 印发 line (d64); 某市“放管服”改革协调
    # 小组办公室 (fixture styles/fangguanfu_fields.txt): one quoted word is part of the name
    assert parse("d64_shuangjian_oneline").issuer == "某县“双减”工作专班办公室"
    plan = parse_path(FIXTURES / "styles" / "fangguanfu_fields.txt")
    assert (plan.issuer, plan.date) == ("某市“放管服”改革协调小组办公室", "2024-03-08")
    signed = (
        "某县工作要点\n一、任务\n1.开展培训。（县人社局负责）\n\n"
        "某县“双减”“课后”办公室\n2024年3月1日\n"
    )
    assert parse_path_text(signed).issuer is None  # two quoted words: no body's name


def test_a_supervising_unit_does_no_task():
    # 督办单位：市政府督查室 among the labels after a measure's last paragraph (d65) and among
    # fields apart by blanks (fixture styles/fangguanfu_fields.txt, above): no lead, no
    # responsible unit; the measure's paragraphs are all its text
    plan = parse("d65_yibao_paragraphs")
    assert units(plan) == gold_units("d65_yibao_paragraphs")
    assert not any("督" in name for m in plan.tasks for name in m.responsible)
    assert plan.tasks[1].text.endswith("每年开展一次付费方式改革评估。")
    assert plan.tasks[1].recurring == ["每年开展一次付费方式改革评估"]


def test_a_tab_table_without_a_number_column():
    # 目标任务\t具体措施\t责任单位\t完成时限, no 序号: the rows are the measures, numbered in
    # order; the topic printed only on a group's first row (d66) or on every row (fixture
    # styles/huanbao_tabnonumber.txt) is no part of the measure's text
    plan = parse("d66_shuzi_topiccol")
    assert units(plan) == gold_units("d66_shuzi_topiccol")
    assert plan.tasks[1].text.startswith("推动高频政务服务事项")
    assert [m.deadline for m in plan.tasks][-2:] == ["2024年起每月", "长期坚持"]
    plan = parse_path(FIXTURES / "styles" / "huanbao_tabnonumber.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5]
    assert plan.tasks[0].text.startswith("新建改造城镇污水管网15公里")
    # a line of prose holding a tab heads no table
    prose = (
        "某县工作方案\n一、任务\n说明\t本方案所列任务由县人社局负责。\n"
        "1.开展培训。（县人社局负责）\n"
    )
    assert [m.no for m in parse_path_text(prose).tasks] == [1]


def test_a_lead_verb_inside_a_responsible_field():
    # 责任单位：州生态环境局牵头，州工业和信息化局、州发展改革委等州直有关部门配合，各县（市）
    # 人民政府负责落实 (d67); a 责任单位 cell 县住房城乡建设局牵头,县水利局配合 (fixture
    # styles/huanbao_tabnonumber.txt): the verb names the lead
    plan = parse("d67_daqi_redhead")
    assert units(plan) == gold_units("d67_daqi_redhead")
    assert (plan.tasks[0].lead, plan.tasks[0].collectives) == (
        ["州生态环境局"],
        ["州直有关部门", "各县（市）人民政府"],
    )
    plan = parse_path(FIXTURES / "styles" / "huanbao_tabnonumber.txt")
    assert units(plan) == [
        (1, ["县住房城乡建设局"], ["县水利局"], []),
        (2, [], ["县住房城乡建设局"], []),
        (3, ["县生态环境分局"], ["县农业农村局"], ["各乡镇人民政府"]),
        (4, [], ["县生态环境分局"], []),
        (5, ["县水利局"], [], ["各乡镇人民政府"]),
    ]


def test_role_verbs_beyond_lead_and_support():
    # （X负总责，Y协同推进）, （X统筹，Y、Z组织实施）, （X主抓，Y、Z支持）, （X负总责，Y具体实施）
    # (d72; fixture styles/xiaofang_verbs.txt in ASCII, with 抓总): who leads and who supports
    plan = parse("d72_yingshang_verbs")
    assert units(plan) == gold_units("d72_yingshang_verbs")
    plan = parse_path(FIXTURES / "styles" / "xiaofang_verbs.txt")
    assert units(plan) == [
        (1, ["县政府办公室"], ["县消防救援大队"], []),
        (2, ["县消防救援大队"], ["县住房城乡建设局"], ["各乡镇人民政府"]),
        (3, ["县消防救援大队"], ["县市场监管局", "县公安局"], []),
        (4, ["县消防救援大队"], ["县应急管理局", "县商务局"], []),
    ]
    # on a line of its own, 统筹 or 支持 ends no attribution: a provision stays one (d05, d40)
    provision = (
        "某县方案\n一、任务\n1.开展培训。（县人社局负责）\n2.开展招聘。（县人社局负责）\n"
        "二、保障措施\n（一）加强组织领导。县就业工作领导小组统筹推进各项工作。\n"
        "（二）强化资金保障。县财政局给予资金支持。\n"
    )
    assert [m.no for m in parse_path_text(provision).tasks] == [1, 2]


def test_an_annex_list_after_the_measures_is_no_measure():
    # 附件：1.某市…任务清单 / 2.某市…联络员名单 after the last measure (d72; fixture
    # styles/xiaofang_verbs.txt, its 2. at the margin): titles, not a measure 2 after 10
    plan = parse("d72_yingshang_verbs")
    assert [m.no for m in plan.tasks] == list(range(1, 11))
    assert not any(d.code == "numbering-gap" for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "xiaofang_verbs.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4]
    # an attribution printed at the start of the next item's line belongs to the item above
    d72 = parse("d72_yingshang_verbs")
    assert (d72.tasks[2].lead, d72.tasks[3].lead) == (["市政务服务中心"], ["市市场监管局"])


def test_items_without_units_among_items_with_units_are_flagged():
    # a 工作要点 whose items 3, 6 and 9 print no units (d69): each says so, on its line
    plan = parse("d69_anquan_missing")
    assert [(m.no, m.lead) for m in plan.tasks if not (m.lead or m.responsible)] == [
        (3, []),
        (6, []),
        (9, []),
    ]
    assert [d.line for d in plan.diagnostics if d.code == "no-attribution"] == [11, 19, 25]


def test_a_duty_each_school_term_recurs():
    # 每学期至少召开一次家长会 (d64), 每学期到校开展法治教育不少于2次 (demo/duyun-fazhi-shehui-2022-
    # 2025.txt measure 7)
    assert parse("d64_shuangjian_oneline").tasks[6].recurring == ["每学期至少召开一次家长会"]
    demo = Path(__file__).resolve().parents[2] / "demo" / "duyun-fazhi-shehui-2022-2025.txt"
    assert parse_path(demo).tasks[6].recurring == ["每学期到校开展法治教育不少于2次"]


def test_measures_over_several_paragraphs_with_field_lines_after_the_last():
    # 1.健全…机制。 / 坚持每月… / 落实… / 牵头领导：…（副县长） / 主办单位：X；协办单位：Y / 时间
    # 节点：长期坚持 (d70); (一) over paragraphs then one line of labels (d65)
    plan = parse("d70_xianjie_leaderlines")
    assert units(plan) == gold_units("d70_xianjie_leaderlines")
    assert "风险消除率达到85%以上。" in plan.tasks[0].text
    assert [m.deadline for m in plan.tasks][:2] == ["长期坚持", "2024年11月底前"]
    assert not any("张某某" in name for m in plan.tasks for name in m.lead + m.responsible)


def test_a_first_is_lead_note_inside_the_first_bracket():
    # （责任单位：市民政局、市医保局、市乡村振兴局，排在第一位的为牵头单位，下同） (d73; fixture
    # styles/minzheng_labelsafter.txt, 列第一位者为牵头单位): the note is no unit, and it makes
    # the first unit of this and every later list the lead
    plan = parse("d73_jiuzhu_firstnote")
    assert units(plan) == gold_units("d73_jiuzhu_firstnote")
    assert (plan.tasks[0].lead, plan.tasks[0].responsible) == (
        ["市民政局"],
        ["市医保局", "市乡村振兴局"],
    )
    assert not any(d.code == "unknown-unit" and "下同" in d.message for d in plan.diagnostics)
    plan = parse_path(FIXTURES / "styles" / "minzheng_labelsafter.txt")
    assert units(plan)[0] == (1, ["县民政局"], ["县财政局"], [])


def test_labels_after_their_units():
    # （市财政局为牵头单位，市民政局、市审计局为配合单位） (d73; fixture
    # styles/minzheng_labelsafter.txt in ASCII): each label names the units before it
    plan = parse("d73_jiuzhu_firstnote")
    assert (plan.tasks[2].lead, plan.tasks[2].responsible) == (
        ["市财政局"],
        ["市民政局", "市审计局"],
    )
    assert plan.tasks[6].lead == ["市委编办"]
    plan = parse_path(FIXTURES / "styles" / "minzheng_labelsafter.txt")
    assert units(plan)[1:] == [
        (2, ["县民政局"], ["县市场监管局", "县商务局"], []),
        (3, ["县民政局"], [], ["各乡镇党委和政府"]),
        (4, ["县民政局"], [], []),  # 为责任单位, first under the note: the lead
    ]
    # a note's 为牵头单位 is no label after units (d01, d11 read as before)
    assert parse("d01_yingshang_notice").tasks[0].lead == ["市政务服务中心"]


def test_party_committee_and_government_of_the_same_places():
    # 各县（市、区）党委和政府 (d73), 各乡镇党委和政府 (fixture styles/minzheng_labelsafter.txt):
    # one collective, not a 党委 and a 市政府
    plan = parse("d73_jiuzhu_firstnote")
    assert (plan.tasks[1].responsible, plan.tasks[1].collectives) == (
        [],
        ["各县（市、区）党委和政府"],
    )
    # a unit after 和 with a place of its own is still a unit of its own
    bracket = (
        "某市方案\n一、任务\n1.开展培训。（市委宣传部和市司法局负责）\n"
        "2.开展宣传。（市司法局负责）\n"
    )
    assert parse_path_text(bracket).tasks[0].lead == ["市委宣传部", "市司法局"]


def test_party_committee_and_government_listed_by_a_pause_mark():
    # 各乡镇党委、政府 (fixture styles/minzheng_bodies.txt; the phrase as seed 000's closing
    # paragraph and d09's addressees print it) and 各县(市、区)党委、政府: one collective, as the
    # 和 form is (d73), and no 县政府 / 市政府 filled in from the units before it
    plan = parse_path(FIXTURES / "styles" / "minzheng_bodies.txt")
    assert units(plan) == [
        (1, [], ["县民政局", "县乡村振兴局"], ["各乡镇党委、政府"]),
        (2, ["县民政局"], ["县公安局", "县医保局"], ["各乡镇党委、人民政府"]),
        (3, ["县民政局"], [], ["各乡镇党委、政府", "县直有关部门"]),
        (4, [], ["县人力资源社会保障局", "县财政局"], []),
    ]
    text = "某市方案\n一、任务\n1.开展培训。(责任单位:市民政局、各县(市、区)党委、政府)\n"
    assert units(parse_path_text(text)) == [(1, [], ["市民政局"], ["各县(市、区)党委、政府"])]
    # a unit with a place of its own after 、 stays a unit (县委、县政府)
    text = "某县方案\n一、任务\n1.开展培训。(责任单位:县民政局、县委、县政府)\n"
    assert units(parse_path_text(text)) == [(1, [], ["县民政局", "县委", "县政府"], [])]


def test_a_title_ending_in_a_task_word_names_its_year():
    # 某市2024年社会救助提质增效重点任务 (d73), 某县2024年养老服务提升重点任务 (fixture
    # styles/minzheng_labelsafter.txt): titles; a column's name 重点任务 on a line of its own
    # is none (fixture styles/shuzi_qingdan.txt keeps its title)
    assert parse("d73_jiuzhu_firstnote").title == "某市2024年社会救助提质增效重点任务"
    plan = parse_path(FIXTURES / "styles" / "minzheng_labelsafter.txt")
    assert (plan.title, plan.period) == ("某县2024年养老服务提升重点任务", [2024, 2024])
    assert (
        parse_path(FIXTURES / "styles" / "shuzi_qingdan.txt").title
        == "某县2024年数字乡村建设重点任务清单"
    )


def test_a_dated_title_run_into_its_preamble():
    # printed run in, 某市2024年社会救助提质增效重点任务为进一步… (d73) and 某县2024年养老服务
    # 提升重点任务为加快… (fixture styles/minzheng_labelsafter.txt): the title ends at the
    # preamble's opener
    text = (DOCUMENTS / "d73_jiuzhu_firstnote.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert (plan.title, plan.period) == ("某市2024年社会救助提质增效重点任务", [2024, 2024])
    text = (FIXTURES / "styles" / "minzheng_labelsafter.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert (plan.title, plan.period) == ("某县2024年养老服务提升重点任务", [2024, 2024])


def test_label_lines_set_apart_by_blanks():
    # 牵头单位　X / 配合单位　Y / 完成时限　Z under each measure (d74, ideographic blanks; fixture
    # styles/laji_blanklabels.txt, two blanks), printed, run in and hard-wrapped; a table
    # header's row of names (牵头单位  配合单位  完成时限: d22) stays a header
    plan = parse("d74_laji_blankfields")
    assert units(plan) == gold_units("d74_laji_blankfields")
    assert [m.deadline for m in plan.tasks][:2] == ["2024年10月底前", "长期坚持"]
    assert plan.tasks[0].lead == ["市城市管理局"]  # its alias in brackets dropped
    fixture = FIXTURES / "styles" / "laji_blanklabels.txt"
    text = fixture.read_text(encoding="utf-8")
    expected = [
        (1, ["县农业农村局"], ["县卫生健康局"], ["各乡镇人民政府"]),
        (2, ["县农业农村局"], ["县住房城乡建设局"], []),
        (3, ["县生态环境分局"], ["县水利局"], ["各乡镇人民政府"]),
    ]
    for copy in (text, variants.run_in(text), variants.hard_wrapped(text, 24)):
        assert units(parse_path_text(copy)) == expected
    assert units(parse("d22_shipin_spaced")) == gold_units("d22_shipin_spaced")


def test_task_tables_headed_with_other_column_names():
    # 工作事项 | 牵头单位 | 配合单位 | 完成期限 and 主要内容 | 主责单位 | 协同单位 | 时间进度,
    # a table under each (一) (d75, printed and run in); 工作要点 | 主责部门 | 协同部门 | 完成期限
    # and 重点工作 | 牵头单位 | 参与部门 | 进度安排 (fixture styles/wenwu_headers.txt in ASCII)
    plan = parse("d75_wenwu_headers")
    assert units(plan) == gold_units("d75_wenwu_headers")
    assert [m.deadline for m in plan.tasks][3:5] == ["长期坚持", "2024年12月底前"]
    text = (DOCUMENTS / "d75_wenwu_headers.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == units(plan)
    fixture = FIXTURES / "styles" / "wenwu_headers.txt"
    expected = [
        (1, ["县文化和旅游局"], ["县档案馆"], []),
        (2, ["县文化和旅游局"], ["县财政局"], []),
        (1, ["县文化和旅游局"], ["县人力资源社会保障局"], ["各乡镇人民政府"]),
        (2, ["县文化和旅游局"], ["县教育局"], []),
    ]
    for copy in (fixture.read_text(encoding="utf-8"),):
        assert units(parse_path_text(copy)) == expected
        assert units(parse_path_text(variants.run_in(copy))) == expected


def test_duties_by_own_remit_or_by_place_and_a_lead_acting_with_others():
    # （由市商务局会同市市场监管局、市税务局负责）, （…按各自职责分工负责）, （…按照各自职责抓好
    # 落实）, （…等部门按职能职责负责）, （…按属地落实） (d76; fixture styles/shangwu_huitong.txt
    # in ASCII): the verb phrase is no part of a name, 会同 parts the lead from its supporters
    plan = parse("d76_waimao_duties")
    assert units(plan) == gold_units("d76_waimao_duties")
    assert plan.tasks[6].lead == ["某海关"]  # customs keep their own name
    assert targets(plan.tasks[1]) == [(None, 20, "亿美元", "=")]
    plan = parse_path(FIXTURES / "styles" / "shangwu_huitong.txt")
    assert units(plan) == [
        (1, ["县商务局"], ["县财政局", "县供销社"], []),
        (2, ["县商务局"], ["县农业农村局", "县人社局"], []),
        (3, ["县交通运输局"], [], ["各乡镇人民政府"]),
        (4, ["县邮政管理局", "县交通运输局"], [], []),
        (5, ["县商务局"], ["某海关"], []),
    ]
    assert targets(plan.tasks[4]) == [(None, 3000, "万美元", "=")]


# Round 10b (branch fazhi10): 法治 plans as scraped from the web.


def test_goals_that_end_in_a_result_to_reach_are_goals():
    # "到2025年，…持证上岗率达到100%，…办结率保持在98%以上，法治政府建设取得重大进展。" (d89)
    # and "到2025年，…覆蓋率達到100%，法治社會建設取得階段性成果。" (d91): 取得 after a deadline
    # ahead states a goal, not a result already reached
    assert [(t.year, t.value, t.comparator) for t in parse("d89_fazhi_zhengfu_portal").targets] == [
        (2025, 100, "="),
        (2025, 98, ">="),
    ]
    assert [(t.year, t.value) for t in parse("d91_meng_traditional").targets] == [(2025, 100)]
    assert find_targets("2020年以来，覆盖率达到100%，取得显著成效。") == []


def test_a_creation_goal_heading_states_the_plan_targets():
    # 一、创建目标 / 到2025年，全旗创建盟级以上…12个，旗级…占比达到50%以上。 (d93)
    plan = parse("d93_qi_shifancun")
    assert [(t.year, t.value, t.unit, t.comparator) for t in plan.targets] == [
        (2025, 12, "个", "="),
        (2025, 50, "%", ">="),
    ]


def test_page_chunk_numbers_of_a_sharing_site_that_number_nothing_are_dropped():
    # 1、 before the title, 2、 before （四）'s indent, 3、 before the site's foot lines (d90;
    # fixture styles/wenku_chunks.txt, its caption "X - 文档分享网" over the title)
    plan = parse("d90_bawu_pufa_district")
    assert plan.title == gold("d90_bawu_pufa_district")["title"]
    assert [m.no for m in plan.tasks] == list(range(1, 8))
    assert "下载文档" not in plan.tasks[-1].text
    plan = parse_path(FIXTURES / "styles" / "wenku_chunks.txt")
    assert plan.title == "某县法治乡村建设工作方案（2023—2025年）"
    assert units(plan) == [
        (1, [], ["县司法局"], ["各乡镇人民政府"]),
        (2, [], ["县司法局"], []),
        (3, [], ["县司法局", "县民政局"], []),
    ]


def test_a_pufa_duty_table_printed_unit_first():
    # 序号 | 责任单位 | 普法重点内容 | 普法对象 | 完成时限 (d94) and 普法内容 (fixture
    # styles/pufa_qingdan.txt): each row a measure, its unit responsible
    plan = parse("d94_pufa_zerenqingdan")
    assert units(plan) == gold_units("d94_pufa_zerenqingdan")
    assert plan.tasks[0].text == gold("d94_pufa_zerenqingdan")["tasks"][0]["text"]
    plan = parse_path(FIXTURES / "styles" / "pufa_qingdan.txt")
    assert units(plan) == [
        (1, [], ["区教育局"], []),
        (2, [], ["区自然资源局"], []),
        (3, [], ["区退役军人事务局"], []),
    ]


def test_a_draft_under_a_notice_asking_for_comments_then_its_explanation():
    # 关于公开征求《X（征求意见稿）》意见的公告 / 附件：1.X 2.起草说明 over the draft, 起草说明
    # with 一、二、三、 after it (d98); 关于征求《…》意见的函 and 编制说明 (fixture
    # styles/zhengqiu_shuoming.txt); printed and run in
    for copy in (lambda text: text, variants.run_in):
        text = (DOCUMENTS / "d98_zhengqiu_qicaoshuoming.txt").read_text(encoding="utf-8")
        plan = parse_path_text(copy(text))
        assert plan.parents == gold("d98_zhengqiu_qicaoshuoming")["parents"]
        assert [c.title for c in plan.chapters] == ["总体目标", "主要任务", "组织保障"]
        assert units(plan) == gold_units("d98_zhengqiu_qicaoshuoming")
        text = (FIXTURES / "styles" / "zhengqiu_shuoming.txt").read_text(encoding="utf-8")
        plan = parse_path_text(copy(text))
        assert plan.parents == ["某省养老服务体系建设规划（2021—2025年）"]
        assert [c.title for c in plan.chapters] == ["重点任务"]
        assert [m.no for m in plan.tasks] == [1, 2]


def test_a_run_in_title_ends_before_the_page_fields_after_it():
    # "…考核实施方案信息来源：某市司法局…" (d96), "…建设实施方案发布机构：某县司法局…" (d97)
    for name in ("d96_fazhi_kaohe", "d97_gonggong_falv_fuwu"):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        assert parse_path_text(variants.run_in(text)).title == gold(name)["title"]


def test_an_editor_line_in_round_brackets_is_page_chrome_printed_run_in():
    # "…各乡镇（街道）中共某县委…办公室2024年3月1日（责任编辑：张某）上一篇：…" (d92 run in): the
    # chrome is cut whole, so the signature is cut off the last unit; fixture
    # styles/fazhi_bianji.txt run in keeps no bracket of it either
    text = (DOCUMENTS / "d92_yifa_zhixian_yaodian.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert units(plan) == gold_units("d92_yifa_zhixian_yaodian")
    text = (FIXTURES / "styles" / "fazhi_bianji.txt").read_text(encoding="utf-8")
    raw = parse_path_text(variants.run_in(text)).tasks[-1].attribution_raw
    assert "责任编辑" not in raw and not raw.endswith(("（", "("))
    assert units(parse_path_text(text)) == [
        (1, [], ["县司法局"], ["各乡镇人民政府"]),
        (2, [], ["县司法局", "县财政局"], []),
    ]


def test_a_signature_glued_to_the_last_units_is_no_unit_and_sets_no_level():
    # Run in, the signature runs into the last bracket's last unit ("…县财政局中共某县委…办公室
    # 2024年3月10日", fixture styles/fazhi_bianji.txt; "…派出所某镇人民政府2025年3月3日", d79):
    # the signature is split off the unit (metadata.text's signer names), so no unit holds the
    # date, and its place (某镇) does not make the document's names 镇司法所 where every
    # bracket prints 司法所.
    text = (FIXTURES / "styles" / "fazhi_bianji.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert not [u for m in plan.tasks for u in m.responsible if "2024年" in u]
    text = (DOCUMENTS / "d79_zhen_qingdan.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    named = {u for m in plan.tasks for u in (*m.lead, *m.responsible)}
    assert "司法所" in named and not [u for u in named if u.startswith("镇") or "年" in u]


def test_a_signature_glued_to_the_last_unit_is_parted_from_it_run_in():
    # Run in, the signature runs into the last unit (round 11, leftovers11): the names open
    # with the title's place (after the breadcrumb in fazhi_bianji; 某镇 in d79), or with 中共
    # before it; the unit before them is kept and the names are the issuer.
    text = (FIXTURES / "styles" / "fazhi_bianji.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert plan.issuer == "中共某县委全面依法治县委员会办公室"
    assert plan.date == "2024-03-10"
    assert plan.tasks[-1].responsible == ["县司法局", "县财政局"]
    text = (DOCUMENTS / "d79_zhen_qingdan.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert (plan.issuer, plan.date) == ("某镇人民政府", "2025-03-03")
    assert plan.tasks[-1].responsible == ["派出所"]


@pytest.mark.parametrize(
    ("path", "signed"),
    [
        # Run in, a 征求意见 notice's signature follows its 附件 list (…2.起草说明某区司法局
        # 2022年5月10日, d98; …2.编制说明某县民政局2024年3月28日, fixture
        # styles/zhengqiu_shuoming.txt): the names open with the place of the plan in the
        # notice's 《》, and the dates of the period (…为2022年5月10日至2022年6月9日) sign nothing.
        (DOCUMENTS / "d98_zhengqiu_qicaoshuoming.txt", ("某区司法局", "2022-05-10")),
        (FIXTURES / "styles" / "zhengqiu_shuoming.txt", ("某县民政局", "2024-03-28")),
        # Run in, the signature sits between the 附件 list and the attachment (d83, d96 and
        # fixture styles/shuiwu_annex.txt): the names start after the list's title.
        (
            DOCUMENTS / "d83_shuiwu_annex.txt",
            ("国家税务总局某县税务局某县人民政府办公室", "2025-02-18"),
        ),
        (DOCUMENTS / "d96_fazhi_kaohe.txt", ("中共某市委全面依法治市委员会办公室", "2023-06-12")),
        (FIXTURES / "styles" / "shuiwu_annex.txt", ("某区发展和改革局", "2025-03-01")),
        # (round 13) after a list title whose kind another continues (…重点工作台账, d130;
        # …重点工作清单, fixture styles/nongye_fujian.txt)
        (DOCUMENTS / "d130_taizhang_jinzhan.txt", ("临江市生态环境保护委员会办公室", "2024-04-30")),
        (FIXTURES / "styles" / "nongye_fujian.txt", ("某县农业农村局", "2024-03-01")),
    ],
    ids=lambda value: value.stem if isinstance(value, Path) else "",
)
def test_a_signature_by_an_annex_list_is_read_run_in(path, signed):
    plan = parse_path_text(variants.run_in(path.read_text(encoding="utf-8")))
    assert (plan.issuer, plan.date) == signed


def test_a_run_in_title_after_a_page_caption_or_before_a_site_name():
    # Run in, a sharing site's caption "X - 站名" is no title: the title follows the first
    # chunk number 1、 (d90, fixture styles/wenku_chunks.txt); and a title ends before the
    # site's name printed after it (…门户网站 www…: d95; …政府网　www…: styles/wangxin_sitename).
    for path, title in (
        (
            DOCUMENTS / "d90_bawu_pufa_district.txt",
            "中共某区委宣传部、某区司法局关于在全区开展法治宣传教育的第八个五年规划（2021—2025年）",
        ),
        (FIXTURES / "styles" / "wenku_chunks.txt", "某县法治乡村建设工作方案（2023—2025年）"),
        (DOCUMENTS / "d95_fazhi_ducha.txt", "某县2024年法治督察工作方案"),
        (FIXTURES / "styles" / "wangxin_sitename.txt", "某市2024年网络安全宣传周活动方案"),
    ):
        plan = parse_path_text(variants.run_in(path.read_text(encoding="utf-8")))
        assert plan.title == title


def test_the_signer_under_an_annex_list_at_the_margin_stands_on_its_own_hard_wrapped():
    # Hard-wrapped, the attachment list's last title may fill the line (…联络员名单): the
    # signer's names below it are no rest of it (d51 at 20 and 22, fixture
    # styles/xiaoyuan_annex_sign.txt at 15).
    for path, columns, issuer in (
        (DOCUMENTS / "d51_liangshi_annex.txt", 20, "某县人民政府办公室"),
        (DOCUMENTS / "d51_liangshi_annex.txt", 22, "某县人民政府办公室"),
        (FIXTURES / "styles" / "xiaoyuan_annex_sign.txt", 15, "某县教育局"),
    ):
        text = variants.hard_wrapped(path.read_text(encoding="utf-8"), columns)
        assert parse_path_text(text).issuer == issuer


def test_unit_lines_printed_run_in_after_the_preamble_and_after_a_bracket():
    # Run in, the first group's unit line follows the preamble's last sentence (…配合。党政综合
    # 办公室：1.…, d79; …制定本清单。安监站：1.…, new fixture styles/zhen_anjian.txt), and a
    # later one is glued to the last unit after its bracket (…配合：各村（社区）综合行政执法队：
    # 1.…, d79; …配合：各村（社区）应急办：1.…, zhen_anjian): each leads the items under it.
    text = (DOCUMENTS / "d79_zhen_qingdan.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    leads = [m.lead for m in plan.tasks]
    assert leads[0] == ["党政综合办公室"] and leads[6] == ["综合行政执法队"]
    assert plan.tasks[5].collectives == ["各村（社区）"]
    text = (FIXTURES / "styles" / "zhen_anjian.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [m.lead for m in plan.tasks] == [["安监站"]] * 2 + [["应急办"]] * 2
    assert plan.tasks[1].collectives == ["各村（社区）"]


def test_a_bare_body_before_a_joiner_in_a_labelled_field_is_one_collective():
    # 责任单位：各县（市、区）党委、政府和市直有关部门 (new fixture styles/fazhi_dangzheng.txt, also
    # with 人民政府及): the field is parted at 、 only, and the piece 政府和… keeps 政府 with its
    # collective, as the role-verb form does (fixture styles/minzheng_bodies.txt).
    plan = parse_path(FIXTURES / "styles" / "fazhi_dangzheng.txt")
    first, second = plan.tasks
    assert not first.responsible
    assert first.collectives == ["各县（市、区）党委、政府", "市直有关部门"]
    assert second.lead == ["市政务服务局"] and not second.responsible
    assert second.collectives == ["各县（市、区）党委、人民政府", "市直各部门"]
    plan = parse_path(FIXTURES / "styles" / "minzheng_bodies.txt")
    assert plan.tasks[2].collectives == ["各乡镇党委、政府", "县直有关部门"]


def test_a_verb_phrase_after_lianhe_is_no_unit():
    # X、Y联合开展 / 联合查处 (new fixture styles/shipin_lianhe.txt, and the 联合 rows of
    # test_units_levels.py): the verb after 联合 names no unit (no 开展, no 县查处).
    plan = parse_path(FIXTURES / "styles" / "shipin_lianhe.txt")
    assert plan.tasks[0].responsible == ["县市场监管局", "县教育局"]
    assert plan.tasks[1].responsible == ["县公安局", "县市场监管局", "县人民检察院"]


def test_a_name_after_lianhe_ends_before_its_verb():
    # X联合Y开展 / X联合Y查处 (round 13, fixture styles/xiaoyuan_lianhe.txt; shipin_lianhe's
    # X、Y联合开展 above): no unit 县交通运输局开展 or 县市场监管局查处; in a measure's sentences
    # 会同Y / 联合Y runs on into the verb too
    plan = parse_path(FIXTURES / "styles" / "xiaoyuan_lianhe.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        ([], ["县公安局", "县交通运输局"], ["各乡镇人民政府"]),
        (["县文化广电旅游局", "县市场监管局"], ["县教育局"], []),
        ([], ["县综合行政执法局", "县市场监管局"], ["各乡镇人民政府"]),
        # and in a measure's sentences, 联合Y开展 (fixture styles/shipin_huitong.txt below)
        (["县教育局"], ["县市场监管局"], []),
    ]
    assert not [d for d in plan.diagnostics if d.code == "unknown-unit"]
    plan = parse_path(FIXTURES / "styles" / "shipin_huitong.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县市场监管局"], ["县教育局"]),  # 由X牵头，会同Y开展…
        (["县公安局"], ["县市场监管局"]),  # 由X牵头，联合Y查处…
        (["县农业农村局"], []),
        (["县市场监管局"], []),
    ]


# Round 10 (branch genre10).


def test_a_committee_that_carries_an_item_leads_it():
    # 承办机构：… / 配合单位：… / 安排时间：… under each item of a 监督工作计划 (d86; fixture
    # styles/renda_chengban.txt, with 整改时限): the committee leads, the time is no unit
    plan = parse("d86_renda_jiandu")
    assert units(plan) == gold_units("d86_renda_jiandu")
    assert plan.tasks[0].text == "听取和审议县人民政府关于2024年度法治政府建设情况的报告。"
    assert plan.tasks[0].deadline == "第二季度"
    plan = parse_path(FIXTURES / "styles" / "renda_chengban.txt")
    assert units(plan) == [
        (1, ["区人大常委会城乡建设环境保护工作委员会"], ["区住房城乡建设局", "区财政局"], []),
        (2, ["区人大常委会教育科学文化卫生工作委员会"], ["区公安分局", "区教育局"], []),
    ]
    assert [m.deadline for m in plan.tasks] == ["第三季度", "2025年10月底前"]


def test_items_numbered_di_n_xiang_over_label_lines():
    # 第1项　开展… over 责任单位：X（牵头），Y / 完成时限：… (d84; fixture
    # styles/xiaofang_diyixiang.txt), printed and run in (第2项 glued to the last field, 第1项
    # to the 重点任务 heading)
    plan = parse("d84_xiaofang_diyixiang")
    assert units(plan) == gold_units("d84_xiaofang_diyixiang")
    assert plan.tasks[0].title == "开展高层建筑消防安全整治"
    text = (DOCUMENTS / "d84_xiaofang_diyixiang.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == units(plan)
    fixture = (FIXTURES / "styles" / "xiaofang_diyixiang.txt").read_text(encoding="utf-8")
    expected = [
        (1, ["区消防救援大队"], [], ["各街道办事处"]),
        (2, ["区住房城乡建设局"], ["国网某区供电公司"], []),
        (3, [], ["区市场监管局"], []),
    ]
    for copy in (fixture, variants.run_in(fixture)):
        plan = parse_path_text(copy)
        assert units(plan) == expected
        assert plan.tasks[1].text == "建设集中充电设施。新建集中充电端口3000个以上。"
        assert [m.deadline for m in plan.tasks] == ["2025年5月底前", "2025年10月底前", "按季度"]
    # 负责第6项 names an item: no number of its own
    assert [
        m.no for m in parse_path_text("某县方案\n1.开展培训。（县人社局负责第6项）\n").tasks
    ] == [1]


def test_a_clause_with_its_own_period_after_a_duty_states_a_target():
    # 每月至少推送普法作品4期，全年普法短视频观看达到50万人次 (d78; fixture
    # styles/pufa_ownperiod.txt, with 年内): the duty's quota does not reach the 全年 clause
    assert targets(parse("d78_pufa_zhuze").tasks[5]) == [(None, 50, "万人次", "=")]
    plan = parse_path(FIXTURES / "styles" / "pufa_ownperiod.txt")
    assert [targets(m) for m in plan.tasks] == [
        [(None, 20, "万人次", "=")],
        [(None, 800, "人", "=")],
        [],  # 每次培训不少于500人: the duty's own clause
    ]
    assert plan.tasks[0].recurring == ["每月至少发布普法短视频2期"]


def test_lines_naming_a_unit_lead_the_items_under_them():
    # 党政综合办公室： / 司法所： … over items restarting at 1. (d79, printed and hard-wrapped,
    # where the line is joined to the item above; fixture styles/zhen_unitlines.txt, where the
    # first is joined to the preamble's last sentence)
    text = (DOCUMENTS / "d79_zhen_qingdan.txt").read_text(encoding="utf-8")
    plan, wrapped = as_printed_and(DOCUMENTS / "d79_zhen_qingdan.txt", variants.hard_wrapped)
    assert units(plan) == units(wrapped) == gold_units("d79_zhen_qingdan")
    expected_text = gold("d79_zhen_qingdan")["tasks"][2]["text"]
    assert plan.tasks[2].text == wrapped.tasks[2].text == expected_text
    heads = [d.line for d in plan.diagnostics if d.code == "heading-units"]
    assert heads == [5, 13, 21, 27] and text.split("\n")[12] == "司法所："
    fixture = styles_text("zhen_unitlines.txt")
    expected = [
        (1, ["平安办"], ["派出所", "司法所"], []),
        (2, ["平安办"], [], []),
        (1, ["社区治理办"], [], ["各社区"]),
        (2, ["派出所"], ["社区治理办"], []),  # its own lead
        (1, ["应急管理站"], [], []),
        (2, ["应急管理站"], [], ["各社区"]),
    ]
    for copy in (fixture, variants.hard_wrapped(fixture)):
        assert units(parse_path_text(copy)) == expected
    # printed run in, the items restart after a short heading and its colon (…配合。司法所:1.…
    # 2.…); a heading no item's text ends with (after a bracket or an unbracketed unit list,
    # before the first item) leads none, and a restart ends the unit line's items
    run_in = parse_path_text(variants.run_in(text))
    assert [m.no for m in run_in.tasks] == [m.no for m in plan.tasks]
    leads, printed = [m.lead for m in run_in.tasks], [m.lead for m in plan.tasks]
    assert leads[3:6] + leads[8:] == printed[3:6] + printed[8:]
    # (round 11: 配合：各村（社区）综合行政执法队：1.… no longer runs the heading into the
    # units before it, and the first group's heading after the preamble leads its items)
    assert leads == printed
    assert [m.no for m in parse_path_text(variants.run_in(fixture)).tasks] == [1, 2, 1, 2, 1, 2]
    # (round 13: a unit line after the last item's bracket, …配合）应急管理站：1.…, leads its
    # group too; fixture styles/zhen_kuohao.txt, its brackets labelled, below)
    run_in_leads = [m.lead for m in parse_path_text(variants.run_in(fixture)).tasks]
    assert run_in_leads == [m.lead for m in parse_path_text(fixture).tasks]
    kuohao = styles_text("zhen_kuohao.txt")
    assert units(parse_path_text(variants.run_in(kuohao))) == units(parse_path_text(kuohao))
    assert [m.lead for m in parse_path_text(kuohao).tasks] == [
        *[["农业综合服务中心"]] * 2,
        *[["综合行政执法队"]] * 2,
        *[["生态环境办"]] * 2,
    ]
    # a label line is no unit line
    label = "某县清单\n责任单位：\n1.开展培训。配合：县财政局\n"
    assert units(parse_path_text(label)) == [(1, [], ["县财政局"], [])]


def test_a_merged_unit_cell_covers_the_rows_under_it():
    # 序号 | 责任单位 | 普法重点内容 | 普法对象 | 时间安排, the unit printed on a group's first row
    # (d87, printed and run in; fixture styles/pufa_unitcol.txt): the empty rows take it; the
    # 普法对象 column names no units
    plan = parse("d87_shuifa_unitcol")
    assert units(plan) == gold_units("d87_shuifa_unitcol")
    text = (DOCUMENTS / "d87_shuifa_unitcol.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == units(plan)
    fixture = styles_text("pufa_unitcol.txt")
    for copy in (fixture, variants.run_in(fixture)):
        plan = parse_path_text(copy)
        assert [m.responsible for m in plan.tasks] == [
            ["区应急管理局"],
            ["区应急管理局"],
            ["区卫生健康局"],
            ["区卫生健康局"],
            ["区城市管理局"],
        ]
        assert plan.tasks[1].deadline == "2025年9月底前"


def styles_text(name: str) -> str:
    return (FIXTURES / "styles" / name).read_text(encoding="utf-8")


def test_a_table_of_units_by_number_after_the_signature():
    # 附件 任务分工表: 序号 | 牵头单位 | 配合单位 (| 完成时限), no text column (d83, printed and
    # run in; fixture styles/shuiwu_annex.txt): each measure takes its number's row
    plan = parse("d83_shuiwu_annex")
    assert units(plan) == gold_units("d83_shuiwu_annex")
    assert plan.tasks[-1].text == "畅通企业诉求渠道，12366热线问题办结率达到100%。"
    text = (DOCUMENTS / "d83_shuiwu_annex.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == units(plan)
    fixture = styles_text("shuiwu_annex.txt")
    for copy in (fixture, variants.run_in(fixture)):
        plan = parse_path_text(copy)
        assert [(m.lead, m.responsible) for m in plan.tasks][1:3] == [
            (["国网某区供电公司"], ["区政务服务中心", "区数据局"]),
            (["区发展和改革局"], ["国网某区供电公司"]),
        ]
        assert plan.tasks[2].deadline == "长期坚持"
    # numbers that restart name no one measure; a column without a role is no such table
    restarting = fixture.replace("3.落实", "1.落实").replace("4.开展", "2.开展")
    assert not any(m.lead for m in parse_path_text(restarting).tasks)
    indicators = fixture.replace("序号\t牵头单位", "序号\t指标名称\t牵头单位")
    assert not any(m.lead for m in parse_path_text(indicators).tasks)


def test_a_problem_list_states_fields_and_its_goals_are_the_plans():
    # 1.问题：… over 整改措施：… and label lines, under 一、整改目标 whose sentence opens with
    # 2025年9月底前 (d88; fixture styles/zhenggai_wenti.txt): 问题： opens a field, no title;
    # the goals' 同比提高3个百分点 is a target by that deadline, no result measured
    plan = parse("d88_pufa_zhenggai")
    assert [m.title for m in plan.tasks] == [None] * 5
    assert [(t.year, t.value, t.unit) for t in plan.targets] == [
        (2025, 100, "%"),
        (2025, 3, "个百分点"),
    ]
    plan = parse_path(FIXTURES / "styles" / "zhenggai_wenti.txt")
    assert [m.title for m in plan.tasks] == [None] * 3
    assert [(t.year, t.value, t.unit) for t in plan.targets] == [
        (2025, 100, "%"),
        (2025, 2, "个百分点"),
    ]
    assert [m.deadline for m in plan.tasks] == ["2025年3月底前", "长期坚持", "2025年5月底前"]


def test_a_rate_change_after_a_yearly_duty_is_a_target():
    # 每年12月底前…开展一次集中评查，评查合格率同比提高5个百分点 (d77; fixture
    # styles/zhenggai_wenti.txt, 每年3月底前…，…合格性审查率同比提高5个百分点): as a rate after
    # the duty's clause, the change is a state to reach
    assert targets(parse("d77_fazhi_yaodian").tasks[4]) == [(None, 5, "个百分点", "=")]
    plan = parse_path(FIXTURES / "styles" / "zhenggai_wenti.txt")
    assert targets(plan.tasks[0]) == [(None, 5, "个百分点", "=")]
    assert plan.tasks[0].recurring == ["每年3月底前编制并公布年度重大行政决策事项目录"]


def test_a_label_word_after_ge_names_a_collective():
    # （责任单位：县政府办公室，各承办单位） (d77; fixture styles/fazhi_gechengban.txt, with
    # 各责任单位配合): 承办单位 / 责任单位 after 各 are no labels
    assert parse("d77_fazhi_yaodian").tasks[6].collectives == ["各承办单位"]
    plan = parse_path(FIXTURES / "styles" / "fazhi_gechengban.txt")
    assert units(plan) == [
        (1, [], ["区政府办公室"], ["各承办单位"]),
        (2, ["区政府督查室"], [], ["各责任单位"]),
        (3, ["区政府办公室"], [], ["各承办单位"]),
    ]


def test_a_zone_committees_bureaus_elide_the_committee():
    # 经开区管委会行政审批局、规划建设局 (d85; fixture styles/gaoxin_guanwei.txt, 管理委员会 too):
    # the committee is the elided prefix; 科技创新局 is a bureau, 开创新局 none
    plan = parse("d85_jingkaiqu_twobrackets")
    assert units(plan) == gold_units("d85_jingkaiqu_twobrackets")
    assert plan.tasks[1].responsible == ["经开区管委会行政审批局", "经开区管委会规划建设局"]
    plan = parse_path(FIXTURES / "styles" / "gaoxin_guanwei.txt")
    assert [m.responsible for m in plan.tasks] == [
        ["高新区管委会科技创新局", "高新区管委会财政金融局"],
        ["高新区管理委员会规划建设局", "高新区管理委员会招商服务局", "市科技局"],
        ["高新区管委会科技创新局"],
    ]
    reader = BracketReader(load_gazetteer())
    assert reader.split("县委宣传部、开创新局", "县").responsible == ["县委宣传部"]


# Round 11 (branch genre11).


def test_a_bracket_covering_the_list_above_it_names_units_after_its_opening_words():
    # "（以上任务由市民政局负责，市财政局、市住房城乡建设局配合）" after a chapter's last item
    # (d100; fixture styles/zhufang_shangshu.txt, 上述任务由 and 以上工作由): the words before
    # the unit are no part of it
    assert units(parse("d100_laolinghua_shi")) == gold_units("d100_laolinghua_shi")
    assert units(parse_path(FIXTURES / "styles" / "zhufang_shangshu.txt")) == [
        (1, ["区住房城乡建设局"], ["区自然资源局", "区财政局"], []),
        (2, ["区住房城乡建设局"], ["区自然资源局", "区财政局"], []),
        (3, ["区城市更新中心"], [], []),
        (4, ["区城市更新中心"], [], []),
        (5, [], ["区住房城乡建设局", "区民政局"], []),
    ]


def test_an_attribution_that_repeats_another_measures_units():
    # "责任单位：同上" (d99), "（责任单位同第3条）" (d105; fixture styles/anquan_tongshang.txt,
    # both forms): the units of the measure before, or of the one of that number
    assert units(parse("d99_keji_zhuanhua_sheng"))[2] == (3, [], ["省教育厅", "省科技厅"], [])
    assert units(parse("d105_xiaoyuan_anquan")) == gold_units("d105_xiaoyuan_anquan")
    plan = parse_path(FIXTURES / "styles" / "anquan_tongshang.txt")
    assert units(plan) == [
        (1, [], ["区城市管理局", "区市场监管局"], []),
        (2, [], ["区城市管理局", "区市场监管局"], []),
        (3, [], ["区应急管理局", "区公安分局"], []),
        (4, [], ["区应急管理局", "区公安分局"], []),
    ]
    assert not [d for d in plan.diagnostics if d.code in ("unknown-unit", "no-attribution")]


def test_articles_numbered_in_arabic_digits():
    # "第1条　校园周边治安秩序整治。…" (d105; fixture styles/anquan_tongshang.txt): an
    # article's number, no part of its title; "同第1条" numbers nothing
    plan = parse("d105_xiaoyuan_anquan")
    assert [(m.no, m.title) for m in plan.tasks] == [
        (t["no"], t["title"]) for t in gold("d105_xiaoyuan_anquan")["tasks"]
    ]
    plan = parse_path(FIXTURES / "styles" / "anquan_tongshang.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4]
    assert plan.tasks[0].title == "排查餐饮场所燃气隐患"


def test_lettered_items_are_the_measures_of_their_chapters():
    # A. B. under each 一、 over 牵头单位：/配合单位： lines (d104; fixture styles/shipin_zimu.txt);
    # Ａ．Ｂ． sub-points of a 1. measure stay in its text (d61: the attributions decide)
    plan = parse("d104_shipin_liangge_zeren")
    expected = gold("d104_shipin_liangge_zeren")["tasks"]
    assert [(m.chapter, m.no, m.text) for m in plan.tasks] == [
        (t["chapter"], t["no"], t["text"]) for t in expected
    ]
    assert units(plan) == gold_units("d104_shipin_liangge_zeren")
    plan = parse_path(FIXTURES / "styles" / "shipin_zimu.txt")
    assert [(m.chapter, m.no, m.lead, m.responsible) for m in plan.tasks] == [
        ("一", 1, ["县教育局"], []),
        ("一", 2, ["县市场监管局"], []),
        ("二", 1, ["县市场监管局"], ["县教育局", "县卫生健康局"]),
    ]
    assert len(parse("d61_jiuye_fullwidth").tasks) == 6


def test_a_volume_in_cubic_metres_is_a_target():
    # 总容积不少于5万立方米 (d102), 清淤疏浚河道淤泥12万立方米 (fixture styles/hehu_qingyu.txt)
    assert find_targets("新建雨水调蓄池6座，总容积不少于5万立方米。")[1].unit == "万立方米"
    plan = parse_path(FIXTURES / "styles" / "hehu_qingyu.txt")
    assert targets(plan.tasks[0]) == [(None, 12, "万立方米", "="), (None, 8, "公里", "=")]


def test_a_plan_the_work_follows_with_yi_is_a_parent():
    # "…工作要以《江湄省网络安全“十四五”规划》为指引" (d106), "…以《某县河湖长制工作方案》为遵循"
    # (fixture styles/hehu_qingyu.txt)
    assert parse("d106_wangluo_anquan").parents == ["江湄省网络安全“十四五”规划"]
    assert parse_path(FIXTURES / "styles" / "hehu_qingyu.txt").parents == ["某县河湖长制工作方案"]


@pytest.mark.parametrize(
    "path",
    [
        DOCUMENTS / "d105_xiaoyuan_anquan.txt",
        FIXTURES / "styles" / "anquan_tongshang.txt",
        FIXTURES / "styles" / "shuangyong_tongshang.txt",
    ],
)
def test_articles_and_same_as_references_printed_run_in(path):
    # 第1条 glued to its heading (整治重点第1条　…), and the next number right after a field
    # holding only 同上 (责任单位:同上第3条　…, 责任单位:同上3.开展…): printed run in, each
    # measure keeps its number and units
    printed, run_in = as_printed_and(path, variants.run_in)
    assert units(run_in) == units(printed)
    assert [m.title for m in run_in.tasks] == [m.title for m in printed.tasks]


@pytest.mark.parametrize(
    "path", [DOCUMENTS / "d104_shipin_liangge_zeren.txt", FIXTURES / "styles" / "shipin_zimu.txt"]
)
def test_lettered_items_printed_run_in(path):
    # 一、压实属地管理责任A.健全… and …配合单位：各街道办事处B.开展…
    printed, run_in = as_printed_and(path, variants.run_in)
    assert [(m.chapter, m.no) for m in run_in.tasks] == [(m.chapter, m.no) for m in printed.tasks]
    assert units(run_in) == units(printed)


@pytest.mark.parametrize("name", ["d101_minying_jingji", "d107_binzang_gaige"])
def test_a_label_field_printed_run_in_ends_at_the_next_part(name):
    # …责任单位：县财政局、人行南溪县支行第二部分　加大政策支持（一）…: 第N部分 after the last
    # unit opens the next part (d101, d107)
    run_in = parse_path_text(
        variants.run_in((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    )
    expected = {t["no"]: t for t in gold(name)["tasks"]}
    for m in run_in.tasks:
        assert m.responsible == expected[m.no]["responsible"]


# Round 11b (branch fazhi11): 法治 plans as excerpts.


def test_a_measure_the_copy_cuts_off_mid_sentence_is_a_measure():
    # "8.加强青少年法治教育，落实…制度，每所学校…，推动法治" at the text's end (d112; fixture
    # styles/cut_mid_measure.txt): clause breaks a heading does not have
    plan = parse("d112_pufa_cut_end")
    assert [m.no for m in plan.tasks] == list(range(1, 9))
    assert plan.tasks[-1].text == gold("d112_pufa_cut_end")["tasks"][-1]["text"]
    assert plan.tasks[-1].attribution_raw is None
    plan = parse_path(FIXTURES / "styles" / "cut_mid_measure.txt")
    assert [(m.no, m.chapter) for m in plan.tasks] == [(1, "一"), (2, "一"), (3, "二"), (4, "二")]
    assert plan.tasks[-1].text.endswith("清理结果向社会公布，推动")


def test_a_square_bracket_closed_by_the_other_kind_is_one_bracket():
    # 【牵头单位：…〕 and 〔牵头单位：…】 (d116; fixture styles/zhifa_kuohao.txt)
    assert units(parse("d116_kuohao_hunyong")) == gold_units("d116_kuohao_hunyong")
    plan = parse_path(FIXTURES / "styles" / "zhifa_kuohao.txt")
    assert [m.attribution_raw for m in plan.tasks[:2]] == [
        "牵头单位：县司法局；责任单位：县直各行政执法部门",
        "牵头单位：县司法局；责任单位：县委依法治县办",
    ]
    assert plan.tasks[3].responsible == ["县财政局", "县司法局"]
    assert plan.tasks[1].text.endswith("纳入法治政府建设考核。")


def test_a_notice_of_two_annexed_plans_gives_the_first():
    # 附件：1.X 2.Y, then 附件1 over X's title line and 附件2 over Y's (d113; fixture
    # styles/two_annexed_plans.txt): the second plan's chapters and measures are not X's
    plan = parse("d113_tongzhi_liangge_fujian")
    assert [m.no for m in plan.tasks] == list(range(1, 7))
    assert [c.title for c in plan.chapters] == ["完善乡村治理法治体系", "提升乡村公共法律服务水平"]
    plan = parse_path(FIXTURES / "styles" / "two_annexed_plans.txt")
    assert plan.title == "某县公共法律服务提升行动方案"
    assert [(m.no, m.chapter) for m in plan.tasks] == [(1, "一"), (2, "一"), (3, "二")]


def test_an_attachment_label_run_into_its_title_is_no_part_of_it():
    # printed run-in, "…2023年4月18日附件1柳河县法治乡村建设实施方案为深入…" (d113; fixture
    # styles/two_annexed_plans.txt): the title is the one the notice transmits
    for path in (
        DOCUMENTS / "d113_tongzhi_liangge_fujian.txt",
        FIXTURES / "styles" / "two_annexed_plans.txt",
    ):
        plan = parse_path_text(variants.run_in(path.read_text(encoding="utf-8")))
        assert plan.title == parse_path(path).title


def test_a_share_followed_by_jingguo_is_a_target():
    # 重大决策事项100%经过合法性审核 (d118), 重大执法决定100%经过法制审核 (fixture
    # styles/zhifa_kuohao.txt): 经过 as 通过
    assert targets(parse("d118_kuohao_cuoshi").tasks[3]) == [(None, 100, "%", "=")]
    plan = parse_path(FIXTURES / "styles" / "zhifa_kuohao.txt")
    assert [t.quote for t in plan.tasks[1].targets] == ["重大执法决定100%经过法制审核"]


def test_a_web_copys_page_feet_and_link_captions_are_no_text():
    # 第3页 共12页 and 网页链接 between measures, 网页链接 under the title (d115; fixture
    # styles/page_foot_links.txt): printed run in they sat between a bracket and the next
    # number; hard-wrapped the caption ran into the title
    for path in (DOCUMENTS / "d115_mulu_yemian.txt", FIXTURES / "styles" / "page_foot_links.txt"):
        printed = parse_path(path)
        for copy in (variants.run_in, variants.hard_wrapped):
            plan = parse_path_text(copy(path.read_text(encoding="utf-8")))
            assert plan.title == printed.title
            assert units(plan) == units(printed)
            assert [m.text for m in plan.tasks] == [m.text for m in printed.tasks]
    assert len(parse("d115_mulu_yemian").tasks) == 8


def test_a_heading_in_ascii_punctuation_ends_at_its_period():
    # "(一)加强组织领导.各乡镇、各部门要…" (d122; fixtures styles/jiufen_ascii.txt and
    # xumu_threelevels.txt): the title ends at the period, as at 。
    assert [s.title for s in parse("d122_jiufen_ascii").sections] == [
        s["title"] for s in gold("d122_jiufen_ascii")["sections"]
    ]
    plan = parse_path(FIXTURES / "styles" / "jiufen_ascii.txt")
    assert [s.title for s in plan.sections] == [
        "强化源头预防",
        "加强诉调对接",
        "压实工作责任",
        "加强宣传引导",
    ]
    plan = parse_path(FIXTURES / "styles" / "xumu_threelevels.txt")
    assert "加强组织领导" in [s.title for s in plan.sections]


# Round 12 (genre12): kinds of issuer not yet used.


def test_an_internal_plan_labels_its_own_sections_and_communities():
    # 责任处室 (d127; fixture styles/xueyuan_chushi.txt), 责任科室 / 配合科室 (d128, d129;
    # fixture styles/neibu_keshi.txt), 责任社区 and 整改单位 (d128, d131; fixture
    # styles/tongbao_zhenggai.txt) label units as 责任单位 does
    assert units(parse("d127_gaoxiao_neibu"))[0] == (
        1,
        [],
        ["人事处", "科学技术研究院"],
        ["各学院"],
    )
    assert units(parse("d128_jiedao_wangge"))[0] == (1, [], ["党建工作办公室"], ["各社区"])
    assert units(parse("d131_ducha_tongbao"))[4] == (5, [], ["县安委办"], [])
    plan = parse_path(FIXTURES / "styles" / "xueyuan_chushi.txt")
    assert units(plan)[0] == (1, [], ["保卫处", "后勤管理处"], ["各二级学院"])
    plan = parse_path(FIXTURES / "styles" / "tongbao_zhenggai.txt")
    assert units(plan)[1] == (2, [], ["市住房城乡建设局"], ["各社区"])


def test_a_market_office_collective_names_no_city():
    # "各市场监管所" is no body of a place 各市: the bureau's sections 办公室 and 执法大队 take
    # no 市 (d129; fixture styles/neibu_keshi.txt)
    assert units(parse("d129_bumen_keshi"))[6] == (7, [], ["执法大队", "法规科", "办公室"], [])
    plan = parse_path(FIXTURES / "styles" / "neibu_keshi.txt")
    assert [m.responsible for m in plan.tasks] == [
        ["食品安全监管科", "执法大队"],
        ["食品安全抽检科"],
        ["人事科", "办公室"],
    ]
    assert plan.tasks[0].collectives == ["各市场监管所"]


def test_a_bare_government_after_a_collective_is_one_too():
    # "各盟市行政公署、人民政府": 各 governs the government too, no 自治区人民政府 (d124;
    # fixture styles/tongbao_zhenggai.txt)
    assert units(parse("d124_zizhiqu_mengshi"))[0] == (
        1,
        [],
        ["自治区文化和旅游厅"],
        ["各盟市行政公署", "人民政府"],
    )
    plan = parse_path(FIXTURES / "styles" / "tongbao_zhenggai.txt")
    assert plan.tasks[0].collectives == ["各旗县区行政公署", "人民政府"]


def test_a_report_and_a_university_sign_their_plans():
    # 关于…的通报 is a title (d131; fixture styles/tongbao_zhenggai.txt); a university or a
    # college signs its own plan (d127; fixture styles/xueyuan_chushi.txt)
    assert parse("d131_ducha_tongbao").title == "关于全县安全生产大检查督查情况的通报"
    plan = parse_path(FIXTURES / "styles" / "tongbao_zhenggai.txt")
    assert plan.title == "关于全市消防安全检查情况的通报"
    assert parse("d127_gaoxiao_neibu").issuer == "西林理工大学"
    assert parse_path(FIXTURES / "styles" / "xueyuan_chushi.txt").issuer == "南岭职业技术学院"


def test_a_ledger_printed_run_in_ends_its_header_at_a_column_of_no_role():
    # 序号\t重点工作\t责任单位\t进展情况\t完成情况1\t…: the last header name has no role
    # (d130; fixture styles/taizhang_jinzhan.txt; d103's 备注 column)
    for path in (
        DOCUMENTS / "d130_taizhang_jinzhan.txt",
        FIXTURES / "styles" / "taizhang_jinzhan.txt",
    ):
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert units(run_in) == units(printed) and len(printed.tasks) >= 3
        assert [m.text for m in run_in.tasks] == [m.text for m in printed.tasks]


def test_an_attachment_glued_to_the_last_unit_printed_run_in():
    # "…，各乡镇人民政府附件：…指标表": the attribution ends before 附件 (d101 run in, fixture
    # styles/wenhua_fujian.txt run in), the last collective kept
    name = "d101_minying_jingji"
    plan = parse_path_text(variants.run_in((DOCUMENTS / f"{name}.txt").read_text("utf-8")))
    assert units(plan) == gold_units(name)
    fixture = parse_path_text(variants.run_in(styles("wenhua_fujian.txt")))
    assert units(fixture) == [
        (1, [], ["县文化广电旅游局", "县财政局"], []),
        (2, [], ["县文化广电旅游局"], ["各乡镇人民政府"]),
    ]


def test_at_least_a_share_of_a_whole():
    # 不少于 before the whole a share is of: the bound governs the share (d116: 不少于本单位执法
    # 人员总数的5%; fixture styles/lvhua_zhanbi.txt: 不低于建成区面积的40%, 不少于…总数的70%)
    found = [(t.value, t.comparator) for m in parse("d116_kuohao_hunyong").tasks for t in m.targets]
    assert (5.0, ">=") in found
    plan = parse_path(FIXTURES / "styles" / "lvhua_zhanbi.txt")
    shares = [(t.value, t.comparator) for m in plan.tasks for t in m.targets if t.unit == "%"]
    assert shares == [(40.0, ">="), (70.0, ">=")]


@pytest.mark.parametrize("name", ["jiankang_tongshang.txt", "shuili_tongqian.txt"])
def test_a_bare_same_as_above_bracket(name):
    # （同上） / （同前。） with no label takes the units of the measure above, as 责任单位：同上
    # does (fixtures styles/jiankang_tongshang.txt and styles/shuili_tongqian.txt), printed
    # and run in; the bracket is no part of the text
    for text in (styles(name), variants.run_in(styles(name))):
        plan = parse_path_text(text)
        found = units(plan)
        assert found[1][1:] == found[0][1:] and found[3][1:] == found[2][1:]
        assert all(found[i][1] for i in range(4))
        assert not any("同" in m.text for m in plan.tasks)


@pytest.mark.parametrize("name", ["d120_sanzhang_start", "jiuye_zhaiqu"])
def test_an_excerpts_first_chapter_glued_to_the_last_bracket_printed_run_in(name):
    # …（责任单位：…）四、保障措施（一）…: the sections restart at (一) under the excerpt's first
    # chapter heading, which is read run in as printed (d120, fixture styles/jiuye_zhaiqu.txt)
    text = _document_or_fixture_text(name)
    printed, run_in = _printed_and_run_in(text)
    assert [(c.no, c.title) for c in run_in.chapters] == [(c.no, c.title) for c in printed.chapters]
    assert [(s.no, s.chapter) for s in run_in.sections] == [
        (s.no, s.chapter) for s in printed.sections
    ]


@pytest.mark.parametrize("name", ["d105_xiaoyuan_anquan", "anquan_yaoqiu"])
def test_a_sentence_heading_with_a_modal_printed_run_in(name):
    # （一）各乡镇人民政府要切实…。 run in: 切实 after 要 is the sentence's verb, no paragraph
    # opening after a title (d105, fixture styles/anquan_yaoqiu.txt)
    text = _document_or_fixture_text(name)
    printed, run_in = _printed_and_run_in(text)
    assert [s.title for s in run_in.sections] == [s.title for s in printed.sections]


@pytest.mark.parametrize("name", ["d114_news_fangan_tichu", "xinwen_quanwen"])
def test_a_title_after_a_news_lead_in_printed_run_in(name):
    # …以下为方案全文。白石县…方案（2022—2025年）为深入…: the title starts after the article's
    # lead-in to the full text (d114, fixture styles/xinwen_quanwen.txt: 全文刊登如下：)
    text = _document_or_fixture_text(name)
    printed, run_in = _printed_and_run_in(text)
    assert run_in.title and (run_in.title, run_in.period) == (printed.title, printed.period)


@pytest.mark.parametrize("name", ["d103_gengdi_baohu", "d110_maodun_jiufen"])
def test_two_signers_printed_run_in(name):
    # 中共桃源县委办公室桃源县人民政府办公室2024年3月6日 run in: a second signer starts at the
    # title's place printed again (d103, d110), as the two lines printed
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    assert parse_path_text(variants.run_in(text)).issuer == parse(name).issuer


# Round 13b (branch fazhi13): d142–d151 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize("name", ["d146_xingzheng_fuyi_gaige", "d147_suyuan_zhili"])
def test_a_role_verb_bracket_closed_by_a_deadline_or_a_pace(name):
    # （县司法局牵头，县政府各工作部门配合，2024年9月底前完成）, （…按职责分工负责，长期坚持）,
    # （各乡镇人民政府负责，县司法局配合，长期坚持） (d146, d147): the fields after the last verb
    # are no units, and the bracket is no part of the text
    plan = parse(name)
    assert units(plan) == gold_units(name)
    assert all(m.attribution_raw and m.text.endswith("。") for m in plan.tasks)


def test_case_files_and_boards_are_counters():
    # 抽查执法案卷不少于200卷 (d143), 评查…案卷300卷 and 普法宣传栏50块 (d145), 法治宣传栏
    # 20块 (d144)
    assert targets(parse("d143_ducha_fankui_zhenggai").tasks[4]) == [(None, 200, "卷", ">=")]
    found = [t for m in parse("d145_kaohe_zhibiao_cuoshi").tasks for t in targets(m)]
    assert (None, 300, "卷", "=") in found and (None, 50, "块", "=") in found
    assert (None, 20, "块", "=") in targets(parse("d144_zhen_shifancun").tasks[5])


def test_a_count_made_in_the_area_a_body_covers():
    # 在辖区村（社区）设立法官工作室12个 (d147), 在辖区中小学校建设法治宣传角30个 (d148): 辖区
    # says where the body acts, not what it has (辖 of 下辖156个村 describes)
    assert targets(parse("d147_suyuan_zhili").tasks[3]) == [(None, 12, "个", "=")]
    assert targets(parse("d148_fazhi_bajin").tasks[3]) == [(None, 30, "个", "=")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("d146_xingzheng_fuyi_gaige", [(None, 100, "%")]),
        ("zhifa_gaige_mubiao", [(2025, 100, "%"), (2025, 85, "%")]),
        ("d148_fazhi_bajin", [(None, 90, "%")]),
        ("pufa_huodong_mubiao", [(None, 95, "%"), (None, 80, "%")]),
    ],
)
def test_reform_and_activity_goals_are_the_plans_targets(name, expected):
    # 一、改革目标 (d146, fixture styles/zhifa_gaige_mubiao.txt) and 一、活动目标 (d148, fixture
    # styles/pufa_huodong_mubiao.txt) state the plan's goals, as 工作目标 does
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    plan = parse_path(path)
    assert [(t.year, t.value, t.unit) for t in plan.targets] == expected


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("d150_xuefa_yongfa_zhidu", "檀溪县国家工作人员学法用法制度"),
        ("xuefa_zhidu", "某区行政执法人员旁听庭审和以案释法制度"),
    ],
)
def test_a_title_ending_in_zhidu(name, title):
    # a 学法用法 制度 of 第N条 carrying units (d150, fixture styles/xuefa_zhidu.txt): 制度 ends
    # its title line; the 总　则 and 附　则 articles stay provisions
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    plan = parse_path(path)
    assert plan.title == title
    assert all(m.chapter not in ("一", None) for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("d149_weiyuanhui_guize_yaodian", "石岭县2024年全面依法治县工作要点"),
        ("guize_yaodian", "某县2024年普法依法治理工作方案"),
        ("d113_tongzhi_liangge_fujian", "柳河县法治乡村建设实施方案"),
    ],
)
def test_a_notice_transmitting_rules_and_a_plan_is_titled_by_the_plan(name, title):
    # 关于印发《…工作规则》和《…工作要点》的通知 over the rules' 第N条, then the 要点's title over
    # its measures (d149, fixture styles/guize_yaodian.txt): the title printed last before the
    # measures is the plan's, printed and run in; of two plans under 附件1 and 附件2 the first
    # (d113), whose measures follow its title
    text = _document_or_fixture_text(name)
    for copy in (text, variants.run_in(text)):
        assert parse_path_text(copy).title == title


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("d143_ducha_fankui_zhenggai", 18),
        ("d150_xuefa_yongfa_zhidu", 18),
        ("d148_fazhi_bajin", 16),
        ("d55_pufa_trailing", 18),
    ],
)
def test_a_signer_at_the_margin_is_dated_below_not_continued(name, columns):
    # hard-wrapped where the signer's names are exactly the width (中共溪岚县委全面依法治县委员会
    # 办公室, 18 characters, over 2024年6月18日: d143, d150 at 18, d148 at 16; d55 at 18): the
    # date line stands on its own, so the signature is read
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    plan, expected = parse_path_text(variants.hard_wrapped(text, columns)), gold(name)
    assert (plan.issuer, plan.date) == (expected["issuer"], expected["date"])


# Round 13 (genre13): other topics, layouts not yet used.


def test_a_pages_running_header_is_no_text_and_a_cut_sentence_runs_on():
    # 某县人民政府办公室文件 / 县政办发〔2024〕12号 (d136) or the plan's title (fixture
    # styles/yemei_biaoti.txt) printed again with each page number: dropped, and the sentence
    # the page cut is one again, printed and hard-wrapped
    name = "d136_fanpin_yemei"
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    for copy in (text, variants.hard_wrapped(text)):
        plan = parse_path_text(copy)
        assert plan.tasks[1].text == gold(name)["tasks"][1]["text"]
        assert plan.tasks[4].responsible == ["县财政局", "县审计局"]
        assert targets(plan.tasks[1]) == [(None, 1500, "人", ">=")]
    plan = parse_path(FIXTURES / "styles" / "yemei_biaoti.txt")
    assert plan.tasks[1].text == "推进生活垃圾分类，新建生活垃圾分类投放点120个。"
    assert units(plan)[3] == (4, ["区园林绿化中心"], ["区财政局"], [])


@pytest.mark.parametrize("name", ["d136_fanpin_yemei", "yemei_biaoti"])
def test_a_pages_running_header_printed_run_in(name):
    # …务工就业— 2 —青禾县人民政府办公室文件县政办发〔2024〕12号1500人以上。: what follows every
    # page number the same is cut with it (d136; fixture styles/yemei_biaoti.txt: the title)
    text = _document_or_fixture_text(name)
    printed, run_in = _printed_and_run_in(text)
    assert [m.text for m in run_in.tasks] == [m.text for m in printed.tasks]
    assert units(run_in) == units(printed)


def test_a_heading_that_names_its_lead_and_its_matters():
    # 一、县发展改革局牵头事项 leads the items under it; 五、各乡镇人民政府 keeps its item with no
    # bracket as their collective's (d137; fixture styles/fengong_qianshou.txt: 牵头任务,
    # 负责事项)
    assert units(parse("d137_qianshou_shixiang")) == gold_units("d137_qianshou_shixiang")
    plan = parse_path(FIXTURES / "styles" / "fengong_qianshou.txt")
    assert units(plan) == [
        (1, ["市人社局"], ["市财政局", "市总工会"], []),
        (2, ["市人社局"], [], []),
        (3, ["市教育局"], ["市人社局"], []),
        (4, [], [], ["各区县人民政府"]),
    ]
    assert not any(d.code == "provisions-not-measures" for d in plan.diagnostics)


def test_a_measure_whose_sentences_each_close_with_their_units():
    # …清单（县发展改革局负责）。在…查询（县政府办公室负责）。: the text runs to the last bracket,
    # the units are all the brackets' (d141; fixture styles/gongkai_sentences.txt, labelled)
    plan = parse("d141_yaodian_duoju")
    assert plan.tasks[0].text == gold("d141_yaodian_duoju")["tasks"][0]["text"]
    assert plan.tasks[0].lead == ["县发展改革局", "县政府办公室"]
    assert plan.tasks[6].collectives == ["各乡镇人民政府", "县直各部门"]
    assert plan.tasks[2].text.endswith("部门预决算")  # one bracket: as before
    plan = parse_path(FIXTURES / "styles" / "gongkai_sentences.txt")
    assert [m.responsible for m in plan.tasks] == [
        ["市行政审批局", "市大数据中心"],
        ["市行政审批局"],
        ["市行政审批局"],
        ["市大数据中心"],
        ["市大数据中心"],
        ["市委网信办", "市公安局"],
    ]
    assert plan.tasks[3].collectives == ["市直各部门"]
    assert plan.tasks[3].text.endswith("接入部门业务系统30个以上")
    # the last bracket printed on a line of its own (fixture styles/gongkai_ownline.txt)
    plan = parse_path(FIXTURES / "styles" / "gongkai_ownline.txt")
    assert [(m.lead, m.collectives) for m in plan.tasks[:2]] == [
        (["县行政审批局"], ["县直各部门"]),
        (["县政务服务中心"], ["各乡镇人民政府"]),
    ]
    assert plan.tasks[1].text.endswith("全年提供帮办代办服务5000件次")
    plan = parse_path(FIXTURES / "styles" / "gongkai_sentences.txt")
    # hard-wrapped: the last bracket on a line of its own, a line opening with 。
    for width in (20, 24):
        wrapped = parse_path_text(variants.hard_wrapped(styles("gongkai_sentences.txt"), width))
        assert units(wrapped) == units(plan)


def test_a_years_part_of_a_total():
    # 三年新改建农村公路300公里，其中2024年完成100公里: the part is 2024's target, the total
    # takes no year from it (d134; fixture styles/chongdian_qizhong.txt)
    assert targets(parse("d134_gonglu_zeren_first").tasks[0]) == [
        (None, 300, "公里", "="),
        (2024, 100, "公里", "="),
    ]
    plan = parse_path(FIXTURES / "styles" / "chongdian_qizhong.txt")
    assert targets(plan.tasks[0]) == [(None, 3000, "个", ">="), (2024, 1200, "个", "=")]
    assert targets(plan.tasks[1]) == [(None, 200, "个", "="), (2025, 80, "个", "=")]


def revision_notice(name: str) -> str:
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["d138_xiuding_tongzhi", "tiaozheng_tongzhi"])
def test_the_plan_a_notice_revises_is_no_parent(name):
    # 关于修订《X》部分任务的通知 (d138), 关于调整《X》… (fixture styles/tiaozheng_tongzhi.txt):
    # X is revised, not implemented, though the preamble names it again (现对《X》…修订如下)
    assert parse_path_text(revision_notice(name)).parents == []


@pytest.mark.parametrize("name", ["d138_xiuding_tongzhi", "tiaozheng_tongzhi"])
def test_revised_measures_printed_run_in_keep_their_numbers(name):
    # …一、第3项修订为：3.推行…（…）二、第8项修订为：8.深化…: each number the words before it
    # name is a measure, out of sequence (d138; fixture styles/tiaozheng_tongzhi.txt)
    text = revision_notice(name)
    printed, run_in = _printed_and_run_in(text)
    assert [m.no for m in run_in.tasks] == [m.no for m in printed.tasks]
    assert units(run_in) == units(printed) and len(printed.tasks) >= 2


@pytest.mark.parametrize("name", ["d138_xiuding_tongzhi", "tiaozheng_tongzhi"])
def test_a_signature_after_a_telephone_number_printed_run_in(name):
    # …联系电话：0736-5512345石门县人民政府办公室2024年6月20日 (d138; fixture
    # styles/tiaozheng_tongzhi.txt): the names start after the number
    text = revision_notice(name)
    printed, run_in = _printed_and_run_in(text)
    assert (run_in.issuer, run_in.date) == (printed.issuer, printed.date)
    assert printed.issuer and printed.date


def test_a_goal_in_the_purpose_sentence():
    # 为做好…工作，…，力争全年秸秆综合利用率达到93%以上，制定本任务清单 (d139); 确保… (fixture
    # styles/purpose_goal.txt), printed and run in
    for text in (
        (DOCUMENTS / "d139_jinshao_xiangzhen.txt").read_text(encoding="utf-8"),
        styles("purpose_goal.txt"),
    ):
        for copy in (text, variants.run_in(text)):
            goals = parse_path_text(copy).targets
            assert [(t.value, t.unit, t.comparator) for t in goals] in (
                [(93, "%", ">=")],
                [(95, "%", ">=")],
            )


# Round 14b (branch fazhi14): d152–d161 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "numbers", "date", "counts"),
    [
        ("d154_jindu_ocr", [1, 2, 3, 4, 5], "2024-03-12", [(10, "所"), (300, "块"), (100, "条")]),
        ("ocr_shuzi", [1, 2, 3], "2023-02-10", [(1, "个"), (200, "块"), (10000, "人次")]),
    ],
)
def test_an_ocr_copy_reads_its_misread_digits(name, numbers, date, counts):
    # a scanned copy's OCR prints l for 1 and O for 0 (l.开展…, 2O24年3月l2日, 3O0块, 公园l个:
    # d154, fixture styles/ocr_shuzi.txt): the first measure keeps its number and heading, the
    # signature its date, the counts their values, printed and run in; the text stays as printed
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == numbers
        assert plan.date == date
        assert [(t.value, t.unit) for m in plan.tasks for t in m.targets][:3] == counts
    plan = parse_path(_document_or_fixture(name))
    assert plan.tasks[0].title.startswith("开展")
    assert "l" in plan.tasks[0].text + plan.tasks[1].text


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d153_xianfa_xuanchuanzhou", [["县人大常委会办公室"], ["县委依法治县办", "县司法局"]]),
        ("pufa_cixiang_huodong", [["县司法局"], ["县民政局"]]),
    ],
)
def test_an_activity_closed_by_who_leads_it(name, leads):
    # 本项活动由X牵头负责。/ 此项活动由X负责，Y配合。 (d153, fixture styles/
    # pufa_cixiang_huodong.txt): the words before the unit are no part of it, as 此项工作由
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    assert [m.lead for m in parse_path(path).tasks[:2]] == leads


@pytest.mark.parametrize(
    ("name", "stations"),
    [
        ("d158_zhen_fazhi_niandu", {"石溪派出所", "石溪人民法庭"}),
        ("zhen_zhanso", {"城关派出所", "城关人民法庭"}),
    ],
)
def test_a_towns_police_station_and_tribunal_keep_their_names(name, stations):
    # 镇司法所、石溪派出所 (d158, fixture styles/zhen_zhanso.txt): a station named after the
    # town takes no 镇, while the town's own offices beside it keep theirs
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    named = {u for m in parse_path(path).tasks for u in m.responsible}
    assert stations <= named
    assert not any(u.startswith("镇") and u[1:] in stations for u in named)


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("d155_minfadian_xuanchuan", [1, 2, 3, 4, 5, 5, 6]),
        ("pufa_chonghao", [1, 2, 3, 3, 4]),
    ],
)
def test_a_number_printed_twice_keeps_both_measures_run_in(name, numbers):
    # 5.…（…负责）5.…（…配合）6.… (d155, fixture styles/pufa_chonghao.txt): printed run in,
    # the repeat after a bracket and before the next number is a measure, as on its own line
    text = _document_or_fixture_text(name)
    for copy in (text, variants.run_in(text)):
        assert [m.no for m in parse_path_text(copy).tasks] == numbers


@pytest.mark.parametrize(
    ("name", "expected", "run_in"),
    [
        ("d157_fazhi_wenhua_zhendi", [(2025, 30, "个"), (2025, 1, "个")], True),
        ("d159_lvshi_gongzheng_zhengzhi", [(None, 100, "%")], False),
        ("d127_gaoxiao_neibu", [(2025, 1800, "人"), (2025, 70, "%")], True),
    ],
)
def test_a_goal_heading_of_any_kind_gives_the_plans_targets(name, expected, run_in):
    # 一、建设目标 (d157, d127), 一、整治目标 (d159): two characters and 目标 name the goals as
    # 工作目标 does; run in, when the goals' year follows the heading (建设目标到2025年，…)
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    for copy in (text, variants.run_in(text)) if run_in else (text,):
        plan = parse_path_text(copy)
        assert [(t.year, t.value, t.unit) for t in plan.targets] == expected


@pytest.mark.parametrize(
    ("name", "added"),
    [
        ("d160_yingshang_fujian_xuhao", [(6, ["县市场监管局"]), (7, ["县发展改革局"])]),
        ("fujian_jiahang", [(4, ["区司法局"]), (5, ["区司法局"])]),
    ],
)
def test_a_division_table_adds_the_rows_numbered_on_from_the_body(name, added):
    # 附件 任务分工表 rows 1–5 giving the body's measures their units, rows 6 and 7 tasks of
    # their own (d160, fixture styles/fujian_jiahang.txt): each such row is a measure, under
    # no chapter, printed and run in
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        body = plan.tasks[: -len(added)]
        assert all(m.lead for m in body) and all(m.chapter for m in body)
        assert [(m.no, m.lead) for m in plan.tasks[-len(added) :]] == added
        assert all(m.chapter is None and m.text.endswith("。") for m in plan.tasks[-len(added) :])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("d152_sheng_fazhi_shehui_fengong", [(2025, 85, "%")]),
        ("fazhi_jianchi_mubiao", [(2025, 100, "%")]),
    ],
)
def test_goals_after_parallel_principles_under_the_general_requirements(name, expected):
    # 一、总体要求 / 坚持…，坚持…，坚持…，到2025年，…达到85%以上 (d152, fixture
    # styles/fazhi_jianchi_mubiao.txt): up to three short clauses before the year, as one
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    assert [(t.year, t.value, t.unit) for t in parse_path(path).targets] == expected


# -- round 14 (genre14) ---------------------------------------------------------------------


def test_numbers_in_square_brackets_number_the_measures():
    # 【1】…【6】 over label lines (d162), 〔1〕… with brackets (fixture styles/
    # zhenggai_squarenumbers.txt, where 县政办发〔2024〕12号 numbers nothing)
    plan = parse("d162_xuncha_fankui_zhenggai")
    assert [(m.no, m.section) for m in plan.tasks] == [
        (1, "一"),
        (2, "一"),
        (3, "二"),
        (4, "二"),
        (5, "三"),
        (6, "三"),
    ]
    assert plan.tasks[0].text.startswith("制定高标准农田建设攻坚计划")
    plan = parse_path(FIXTURES / "styles" / "zhenggai_squarenumbers.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4]
    assert plan.tasks[2].responsible == ["县文化旅游局产业发展股", "县财政局"]
    assert [m.no for m in parse("d167_tuiyi_junren_yaodian").tasks] == list(range(1, 9))


def test_a_key_task_mark_before_the_number_is_no_part_of_the_measure():
    # ★1.新建… (d163), ▲4.推进… (d168), both in fixture styles/zhongdian_marks.txt
    plan = parse("d163_minsheng_shishi")
    assert plan.tasks[0].no == 1 and plan.tasks[0].title == "新建城关第三幼儿园"
    assert plan.tasks[0].text == gold("d163_minsheng_shishi")["tasks"][0]["text"]
    assert [m.no for m in parse("d168_yingshang_shida_xingdong").tasks] == list(range(1, 12))
    plan = parse_path(FIXTURES / "styles" / "zhongdian_marks.txt")
    assert [(m.no, m.text[:2]) for m in plan.tasks] == [
        (1, "改扩"),
        (2, "建设"),
        (3, "新改"),
        (4, "实施"),
    ]


def test_actions_numbered_in_chinese_are_the_chapters():
    # 行动一　政务服务提速行动 (d168), 行动一：… and 行动三　… (fixture styles/shida_xingdong.txt,
    # whose 专项行动一次 numbers nothing)
    plan = parse("d168_yingshang_shida_xingdong")
    assert [c.no for c in plan.chapters] == list("一二三四五六七八九十")
    assert plan.chapters[0].title == "政务服务提速行动"
    assert [m.chapter for m in plan.tasks][:4] == ["一", "一", "二", "三"]
    plan = parse_path(FIXTURES / "styles" / "shida_xingdong.txt")
    assert [(c.no, c.title) for c in plan.chapters] == [
        ("一", "商圈提质行动"),
        ("二", "夜间经济行动"),
        ("三", "文旅消费行动"),
        ("四", "汽车消费行动"),
    ]
    assert plan.tasks[2].text == "举办文旅消费季活动，开展专项行动一次性发放消费券。"


def test_a_baobao_leader_is_a_person_not_a_unit():
    # （包保县领导：赵某某；责任单位：…） (d166); 包保领导 / 包保市领导 / 包保区领导 (fixture
    # styles/baobao_lingdao.txt)
    for plan in (
        parse("d166_senlin_fanghuo_xiangzhen"),
        parse_path(FIXTURES / "styles" / "baobao_lingdao.txt"),
    ):
        named = [u for m in plan.tasks for u in (*m.lead, *m.responsible, *m.collectives)]
        assert named and not [u for u in named if "包保" in u or "某某" in u]
    assert units(parse("d166_senlin_fanghuo_xiangzhen")) == gold_units(
        "d166_senlin_fanghuo_xiangzhen"
    )


def test_units_parted_by_a_blank_only_are_a_list():
    # 县人力资源社会保障局 县财政局 (d167); 市教育局 市财政局, 市委组织部 市人力资源社会保障局
    # (fixture styles/kongge_danwei.txt)
    plan = parse("d167_tuiyi_junren_yaodian")
    assert plan.tasks[4].responsible == ["县人力资源社会保障局", "县财政局"]
    assert plan.tasks[5].responsible == ["县委组织部", "县人力资源社会保障局", "县国资中心"]
    plan = parse_path(FIXTURES / "styles" / "kongge_danwei.txt")
    assert plan.tasks[0].responsible == ["市教育局", "市财政局"]
    assert plan.tasks[2].lead == ["市人力资源社会保障局", "市财政局"]
    assert plan.tasks[3].lead == ["市委组织部", "市人力资源社会保障局"]
    # a stray blank inside a name is still dropped, and 州纪委州监委 stays one name
    plan = parse_path_text(
        "某州工作要点\n\n一、重点任务\n\n1.开展监督检查。（责任单位：州纪委 州监委、州 司法局）\n"
    )
    assert plan.tasks[0].responsible == ["州纪委州监委", "州司法局"]


def test_a_unit_and_a_colon_opening_a_measure_lead_it():
    # 县发展改革局：引进…（配合单位：县商务局） (d165); 市商务局：…, 某经济开发区管委会：… with no
    # bracket (fixture styles/mubiao_fenjie.txt); a place (河东镇：负责…) leads nothing
    assert units(parse("d165_zhaoshang_mubiao")) == gold_units("d165_zhaoshang_mubiao")
    plan = parse_path(FIXTURES / "styles" / "mubiao_fenjie.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["市商务局"], ["某海关", "市税务局"]),
        (["市工业和信息化局"], ["市商务局"]),
        (["某经济开发区管委会"], []),
        (["市发展改革委"], ["市财政局"]),
    ]
    assert plan.tasks[0].text.startswith("市商务局：")
    plan = parse_path(FIXTURES / "styles" / "baobao_lingdao.txt")
    assert plan.tasks[0].lead == [] and plan.tasks[0].responsible == ["河东镇人民政府"]


def test_square_numbers_and_actions_printed_run_in():
    # 【2】 after 整改时限：长期坚持 and 〔1〕 glued to its chapter heading (d162, d167), 行动二
    # after a bracket (d168), each printed run-in
    for name in (
        "d162_xuncha_fankui_zhenggai",
        "d167_tuiyi_junren_yaodian",
        "d168_yingshang_shida_xingdong",
    ):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        assert units(parse_path_text(variants.run_in(text))) == gold_units(name)
    text = (FIXTURES / "styles" / "zhenggai_squarenumbers.txt").read_text(encoding="utf-8")
    assert [m.no for m in parse_path_text(variants.run_in(text)).tasks] == [1, 2, 3, 4]


def test_a_purpose_goal_runs_on_over_the_clauses_after_its_opener():
    # 确保不发生重大森林火灾，森林火灾受害率控制在0.9‰以下，结合全县实际，制定本方案 (d166);
    # 确保全年不发生…，…死亡人数同比下降10%以上，结合我县实际，制定本任务清单 (fixture
    # styles/purpose_goals_two.txt)
    plan = parse("d166_senlin_fanghuo_xiangzhen")
    assert [(t.quote, t.value, t.unit, t.comparator) for t in plan.targets] == [
        ("森林火灾受害率控制在0.9‰以下", 0.9, "‰", "<=")
    ]
    plan = parse_path(FIXTURES / "styles" / "purpose_goals_two.txt")
    assert [(t.value, t.unit, t.comparator) for t in plan.targets] == [(10.0, "%", ">=")]


# Round 15 (branch fazhi15): d172–d177 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("d172_zhen_sanxiang_zhidu", ["镇综合行政执法办公室", "镇党政综合办公室"]),
        ("d176_yicun_falv_guwen", ["县司法局"]),
    ],
)
def test_a_label_alone_on_its_line_takes_the_units_on_the_next(name, first):
    # 责任单位： over 镇综合行政执法办公室、… (d172, d176): the label's value wraps onto the
    # next line, which is no text of the measure
    plan = parse(name)
    assert all(m.responsible for m in plan.tasks)
    assert plan.tasks[0].responsible == first
    assert not any("单位" in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("d175_qingshaonian_fazhi_jiaoyu", [(1, ["区教育局"]), (2, ["区司法局", "区人民法院"])]),
        ("leibie_hebing", [(1, ["县司法局"]), (2, ["县司法局", "县妇联"])]),
    ],
)
def test_a_category_column_before_the_number_column(name, expected):
    # 类别\t序号\t任务内容\t责任单位, the 类别 cell merged over its group's rows (d175,
    # fixture styles/leibie_hebing.txt): the rows are read under the header, the category
    # no text and no unit
    path = DOCUMENTS / f"{name}.txt"
    path = path if path.exists() else FIXTURES / "styles" / f"{name}.txt"
    tasks = parse_path(path).tasks
    assert [m.no for m in tasks] == list(range(1, len(tasks) + 1)) and len(tasks) >= 4
    assert [(m.no, (m.lead + m.responsible)[:2]) for m in tasks[:2]] == expected
    assert all(m.responsible or m.lead for m in tasks)
    assert not any("宣传" in u or "课堂" in u for m in tasks for u in m.responsible + m.lead)


@pytest.mark.parametrize(
    ("name", "date"),
    [("d177_shifan_chuangjian_zhenggai", "2024-03-28"), ("yaoqiu_qianbao", "2024-03-06")],
)
def test_a_deadline_before_the_signature_dates_nothing_run_in(name, date):
    # "…各责任单位要于2024年12月15日前完成整改…。某办公室2024年3月28日" printed run in (d177,
    # fixture styles/yaoqiu_qianbao.txt): the signature's date is the one after its names
    text = _document_or_fixture_text(name)
    for copy in (text, variants.run_in(text)):
        assert parse_path_text(copy).date == date


# Round 16 (branch fazhi16): d190–d197 and their fixtures (tests/fixtures/styles).


def _document_or_fixture_text(name: str) -> str:
    return _document_or_fixture(name).read_text(encoding="utf-8")


def _printed_and_run_in(text: str):
    """The parse of ``text`` as printed, then of the same text printed run in (no line
    breaks): a rule that reads a layout must read both."""
    yield parse_path_text(text)
    yield parse_path_text(variants.run_in(text))


@pytest.mark.parametrize(
    ("name", "numbers", "tagged"),
    [("d192_zhongqi_tiaozheng", [4, 9, 15, 22], 15), ("tiaozheng_yuandi", [6, 11, 19], 11)],
)
def test_changed_measures_tagged_after_their_numbers(name, numbers, tagged):
    # 4.（原第4项）… 15.（原第15项，2023年已调整）… 22.（新增）… (d192, fixture
    # styles/tiaozheng_yuandi.txt): out of sequence, kept printed run in; the tag's year
    # dates no target
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == numbers
        assert all(m.lead for m in plan.tasks)
        measure = next(m for m in plan.tasks if m.no == tagged)
        assert [t.year for t in measure.targets] == [None]


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("d191_xianjishi_gangyao_luoshi", "加强审计监督，对重点部门和资金实现审计全覆盖。"),
        ("qianzhi_qianshu", "将行政执法监督结果纳入年度法治建设考核。"),
    ],
)
def test_a_bracket_before_the_text_leaves_the_signature_out_of_the_last(name, last):
    # "7." / "【X牵头，Y配合】" / "加强…。" / "" / "青岚市人民政府办公室" / "2025年4月9日" (d191,
    # fixture styles/qianzhi_qianshu.txt), printed and run in; run in, the title naming
    # the 纲要 with its years (落实《…（2021—2025年）》…) is still found
    text = _document_or_fixture_text(name)
    printed, run_in = _printed_and_run_in(text)
    assert printed.tasks[-1].text == run_in.tasks[-1].text == last
    assert run_in.title == printed.title and "纲要（2021—2025年）》" in printed.title


@pytest.mark.parametrize(
    ("name", "parents"),
    [
        ("d194_yiguihua_liangfangan_taizhang", 3),
        ("tuidong_luodi", 1),
    ],
)
def test_plans_the_preamble_pushes_to_land_are_parents(name, parents):
    # 为推动《X规划》《Y方案》《Z方案》落地落实 (d194), 为推动《X方案》落地见效 (fixture
    # styles/tuidong_luodi.txt)
    plan = parse_path_text(_document_or_fixture_text(name))
    assert len(plan.parents) == parents
    assert all("（2021—2025年）" in parent for parent in plan.parents)


@pytest.mark.parametrize(
    ("name", "no", "value"),
    [("d197_xietiao_xiaozu_ocr", 2, 3.5), ("ocr_duanhang", 2, 1200.0)],
)
def test_a_sentence_broken_before_its_quantity_keeps_its_target(name, no, value):
    # "…每万人拥有律师数达到" / "3.5名以上。" (d197), "…案件" / "1200件以上。" (fixture
    # styles/ocr_duanhang.txt): the line opens with no marker; the target reads whole
    plan = parse_path_text(_document_or_fixture_text(name))
    measure = next(m for m in plan.tasks if m.no == no)
    assert [(t.value, t.comparator) for t in measure.targets] == [(value, ">=")]
    assert "\n" not in measure.text


# Round 15b (branch genre15): d180–d184 and their fixture (tests/fixtures/styles).


def _document_or_fixture(name: str) -> Path:
    path = DOCUMENTS / f"{name}.txt"
    return path if path.exists() else FIXTURES / "styles" / f"{name}.txt"


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("d180_renda_jianyi_banli", ("县住房城乡建设局", ["县财政局", "县自来水公司"])),
        ("d181_zhengxie_tian_banli", ("市住房城乡建设局", ["市生态环境局", "市财政局"])),
    ],
)
def test_a_proposal_table_leads_by_its_host_column(name, first):
    # 序号 | 建议号 | 建议内容 | 主办单位 | 协办单位 | 办结时限 (d180; 提案内容, a header again
    # after a page number: d181): each row is a measure, its 主办单位 the lead
    tasks = parse(name).tasks
    assert [m.no for m in tasks] == list(range(1, len(tasks) + 1)) and len(tasks) >= 7
    assert (tasks[0].lead[0], tasks[0].responsible) == first
    assert all(len(m.lead) == 1 and m.text.startswith("关于") for m in tasks)


@pytest.mark.parametrize(
    ("name", "quotes"),
    [
        ("d181_zhengxie_tian_banli", ["提案办复率达到100%", "委员满意率达到95%以上"]),
        (
            "d182_huanbao_ducha_zhenggai",
            ["反馈问题整改完成率达到100%", "群众信访举报件办结率达到100%"],
        ),
    ],
)
def test_a_pledge_under_the_general_requirements_states_the_goals(name, quotes):
    # 一、总体要求 / 坚持问题导向，确保…达到100%… with no year (d181, d182): the plan's targets
    assert [t.quote for t in parse(name).targets] == quotes


@pytest.mark.parametrize(
    ("name", "count", "first"),
    [
        ("d183_zhongdian_xiangmu_guatu", 7, ["白沙经济开发区管委会", "县工业和信息化局"]),
        ("d184_xianjie_zijin_xiangmu", 6, ["县农业农村局", "青石乡人民政府"]),
    ],
)
def test_section_rows_inside_a_project_table_do_not_end_it(name, count, first):
    # （一）产业项目 on a line of its own between the rows of a 建设内容 table, numbered 1-1
    # (d183) or 1 (d184): every row is a measure with its units, no group row is one
    tasks = parse(name).tasks
    assert [m.no for m in tasks] == list(range(1, count + 1))
    assert tasks[0].responsible == first and all(m.responsible for m in tasks)
    assert not any(m.text.endswith(("项目", "类")) for m in tasks)


@pytest.mark.parametrize("name", ["d184_xianjie_zijin_xiangmu", "xiangmu_danwei_header"])
def test_a_header_cell_in_brackets_before_the_unit_column(name):
    # 资金规模（万元）\t责任单位 (d184), 投资（亿元）\t责任单位 (fixture styles/
    # xiangmu_danwei_header.txt): the header is no measure with a label after its bracket
    tasks = parse_path(_document_or_fixture(name)).tasks
    assert tasks[0].no == 1 and "序号" not in tasks[0].text
    assert all(m.responsible for m in tasks)


def test_a_closing_division_of_work_paragraph_names_its_measures(shared_dir, tmp_path):
    # 责任分工：市X负责第1、2项，市Y负责第3项，各区人民政府配合。 closing each (一) section (d185,
    # printed and run in; new fixture styles/fengong_duanluo.txt): no part of the section's
    # last measure, and each clause gives its numbers' measures their units, 配合 only to
    # the clause it follows (round 17; a known miss of round 15b, 0.895)
    name = "d185_chengshi_tijian_zhenggai"
    plan = parse_path(DOCUMENTS / f"{name}.txt")
    figures = score_plan(shared_dir, DOCUMENTS / f"{name}.json", plan, tmp_path)
    assert figures["overall"] >= BAR, figures["report"]
    text = (FIXTURES / "styles" / "fengong_duanluo.txt").read_text(encoding="utf-8")
    for plan in _printed_and_run_in(text):
        assert [(m.lead, m.collectives) for m in plan.tasks] == [
            (["县市场监管局"], []),
            (["县工业和信息化局"], ["各乡镇人民政府"]),
            (["县市场监管局"], []),
            (["县教育局"], []),
            (["县市场监管局"], []),
        ]
        assert [m.text for m in plan.tasks][1::3] == [
            "推动食品生产企业落实质量安全主体责任。",
            "规范网络订餐平台入网商户管理。",
        ]
        assert not [t for m in plan.tasks for t in m.targets]


# Round 15 (branch leftovers15).


def test_a_place_name_after_peihe_is_no_verb_phrase():
    # X配合青山县Y / 责任单位：…，配合白水市Y (new fixture styles/peihe_place.txt, and the 配合
    # rows of test_units_shapes.py): the name after 配合 keeps its place; no unit 县法局
    plan = parse_path(FIXTURES / "styles" / "peihe_place.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        ([], ["县司法局", "青山县人民法院"]),
        ([], ["县司法局", "县信访局", "白水市中级人民法院"]),
        (["县信访局"], ["县公安局"]),
    ]


def test_a_three_part_number_run_in_opens_the_next_section_it_names():
    # …）1.1.2 …）1.2.1 … and …）1.2.2 …）2.1.1 … with no 1.2 or 2. line printed (d164 run in,
    # in RUN_IN_COPIES; new fixture styles/fenjie_sanji.txt run in): 1.2.1 names its section
    text = (FIXTURES / "styles" / "fenjie_sanji.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5, 6]
    assert plan.tasks[4].lead == ["县市场监管局"]


def test_labels_after_a_quoted_sentence_run_in_name_its_units():
    # “…。”牵头单位：X责任单位：Y (d169 run in, in RUN_IN_COPIES; new fixture
    # styles/yinhao_fields.txt run in): the closing quote ends the measure's sentence
    text = (FIXTURES / "styles" / "yinhao_fields.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县交通运输局"], ["县财政局"]),
        (["县人力资源社会保障局"], ["县就业服务中心"]),
        (["县林业局"], ["县自然资源局"]),
    ]


def test_a_measure_that_opens_with_its_unit_shares_no_bracket_run_in():
    # 3.X：… with no （配合单位：…） before 4.Y：…（配合单位：Z） (d165 run in, in RUN_IN_COPIES;
    # fixture styles/mubiao_fenjie.txt run in): X leads 3. alone
    text = (FIXTURES / "styles" / "mubiao_fenjie.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert (plan.tasks[2].lead, plan.tasks[2].responsible) == (["某经济开发区管委会"], [])
    assert not [d for d in plan.diagnostics if d.code == "shared-attribution"]


def test_a_goal_heading_run_into_its_means_ends_before_them():
    # 整治目标通过专项整治，… / 治理目标通过三年努力，… (d159 printed run-in, in
    # RUN_IN_COPIES; new fixture styles/zhili_mubiao.txt run in): the heading keeps its title
    # and its paragraph gives the plan's goals
    text = (FIXTURES / "styles" / "zhili_mubiao.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [c.title for c in plan.chapters] == ["治理目标", "重点任务"]
    assert [(t.value, t.unit) for t in plan.targets] == [(90.0, "%")]
    text = (DOCUMENTS / "d159_lvshi_gongzheng_zhengzhi.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert plan.chapters[0].title == "整治目标"
    assert [(t.value, t.unit) for t in plan.targets] == [(100.0, "%")]


def test_a_tab_table_numbered_in_chinese_numerals_run_in():
    # 序号…责任单位一\t…\t市委依法治市办二\t… (d174 printed run-in, in RUN_IN_COPIES; new
    # fixture styles/ducha_hanzi_xuhao.txt run in): each row's 二 三 … parts the cell before it
    text = (FIXTURES / "styles" / "ducha_hanzi_xuhao.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.responsible, m.deadline) for m in plan.tasks] == [
        (["县应急管理局"], "2024年4月"),
        (["县住房城乡建设局", "县应急管理局"], "2024年5月"),
        (["县交通运输局", "县公安局"], "2024年7月"),
        (["县城市管理局"], "2024年9月"),
    ]


def test_a_tab_table_with_section_rows_run_in():
    # 完成时限（一）产业发展类1\t新建… (d183 and d184 printed run-in; new fixture
    # styles/fenjie_zu_hang.txt run in): the section row glued to the header's last cell and
    # to the first row's number is the table's, not a numbered item holding the table
    text = (FIXTURES / "styles" / "fenjie_zu_hang.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.responsible, m.deadline) for m in plan.tasks] == [
        (["镇社会事务办", "镇中心学校"], "2025年8月底前"),
        (["镇卫生院"], "2025年6月底前"),
        (["镇规划建设办", "镇交通管理站"], "2025年10月底前"),
        (["镇规划建设办"], "2025年9月底前"),
    ]
    text = (DOCUMENTS / "d184_xianjie_zijin_xiangmu.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == gold_units("d184_xianjie_zijin_xiangmu")


# Round 17 (branch tabs17).


def test_a_tab_table_numbered_by_group_and_row_run_in():
    # …2025年10月底前1-2\t… and …2025年11月底前（二）公共服务设施2-1\t… (d183 printed run-in, in
    # RUN_IN_COPIES; new fixture styles/fenhao_xiangmu.txt run in): the group's next number
    # or the next group's first parts the cell before it
    text = (FIXTURES / "styles" / "fenhao_xiangmu.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.lead, m.responsible, m.deadline) for m in plan.tasks] == [
        (["区住房城乡建设局"], ["东苑街道办事处"], "2025年10月底前"),
        (["区住房城乡建设局"], ["区水务局"], "2025年9月底前"),
        (["区民政局"], [], "2025年11月底前"),
        (["区城市管理局"], ["区自然资源局"], "2025年8月底前"),
        (["区商务局"], ["区市场监管局"], "2025年12月底前"),
    ]


FENYE_ROWS = [
    (["县交通运输局"], [], "2025年6月底前"),
    (["县住房城乡建设局"], ["县民政局"], "2025年9月底前"),
    (["县卫生健康局"], ["县医疗保障局"], "2025年10月底前"),
    (["县教育局"], ["县财政局", "县住房城乡建设局"], "2025年8月底前"),
    (["县商务局"], ["县市场监管局", "县农业局", "县城市管理局"], "2025年11月底前"),
]


def test_a_tab_table_printed_again_after_a_page_break_run_in():
    # …县医疗保障局— 2 —序号\t工作任务\t…\t配合单位4\t… (d181 printed run-in; new fixture
    # styles/fenye_biaotou.txt run in): the header printed again is a page break, and the
    # rows after it are the table's
    text = (FIXTURES / "styles" / "fenye_biaotou.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.lead, m.responsible, m.deadline) for m in plan.tasks] == FENYE_ROWS
    name = "d181_zhengxie_tian_banli"
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == gold_units(name)


def test_a_tab_table_under_merged_category_cells_run_in():
    # …县司法局\t各乡镇人民政府2\t… and …\t县妇联矛盾化解\t3\t… (d175 printed run-in, in
    # RUN_IN_COPIES; fixture styles/leibie_hebing.txt run in): a group's category glued to
    # the units before it is read past, and a row under it is parted at its glued number
    text = (FIXTURES / "styles" / "leibie_hebing.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县司法局"], []),
        (["县司法局"], ["县妇联"]),
        (["县司法局"], ["县信访局"]),
        (["县公安局"], []),
    ]
    # (the last row's units cell, run on into the signature, ends where it starts: round 18)
    assert plan.tasks[0].collectives == plan.tasks[3].collectives == ["各乡镇人民政府"]


def test_a_tab_table_row_broken_by_the_wrap_goes_on_until_it_has_its_cells():
    # "…\t县交通运输局\t各" over "乡镇人民政府", "…\t县农业局、县城市管" over "理局", "…\t县财政局"
    # over "、县住房城乡建设局" (d174 and d175 hard-wrapped at 30, in HARD_WRAPPED; new fixture
    # styles/fenye_biaotou.txt hard-wrapped at 24)
    text = (FIXTURES / "styles" / "fenye_biaotou.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.hard_wrapped(text, 24))
    assert [(m.lead, m.responsible, m.deadline) for m in plan.tasks] == FENYE_ROWS


# Round 16 (branch units16).


def test_a_verb_phrase_after_peihe_names_no_unit():
    # 责任单位：X，配合做好全县工作 / Y配合推进县城建设工作，Z负责 / 协助开展普法宣传工作 (new
    # fixture styles/peihe_phrase.txt, and the verb-phrase rows of test_units_shapes.py): the
    # whole phrase after the support marker is cut, so no unit 工作, 建设工作 or 宣传工作
    plan = parse_path(FIXTURES / "styles" / "peihe_phrase.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县司法局"], ["县公安局"]),
        (["县民政局"], ["县农业农村局", "县财政局"]),
        (["县教育局"], ["县团委"]),
    ]


# Round 17 (branch units17).


def test_a_bracket_ending_in_a_support_clause_is_an_attribution():
    # （县司法局牵头，配合做好全县培训组织工作）, (市教育局负责,协同推进全市…工作): a clause after
    # the role verb that opens with a support marker, or units and a marker before a verb
    # phrase, leaves the bracket an attribution (new fixtures styles/peihe_tail.txt and
    # styles/xiezhu_verbunit.txt); a name after the verb is the unit (配合推进县司法局 names
    # 县司法局, 协助做好市场监管局 the elided 市市场监管局); a person field filling a name's
    # note goes with the note, and a note of branches (各分局) is no collective
    tail = parse_path(FIXTURES / "styles" / "peihe_tail.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in tail.tasks] == [
        (["县司法局"], [], []),
        (["县民政局"], [], ["各乡镇"]),
        (["县农业农村局"], ["县司法局"], []),
        (["县文旅局"], ["白水县住房和城乡建设局"], []),
        ([], ["县发改局", "县市场监管局"], []),
        (["县司法局"], ["县融媒体中心"], []),
    ]
    verb = parse_path(FIXTURES / "styles" / "xiezhu_verbunit.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in verb.tasks] == [
        (["市农业农村局"], ["市市场监管局"], []),
        (["市教育局"], [], []),
        (["市市场监管局"], ["市卫生健康委"], []),
        (["市商务局"], [], ["各区县"]),
        (["市市场监管局"], ["市商务局"], []),
    ]
    assert all(m.attribution_raw for m in (*tail.tasks, *verb.tasks))


def test_a_post_and_its_holder_name_no_unit():
    # 县长 张某某 (its blank dropped by normalize), 分管副县长 李某负责, 县应急管理局局长 王某
    # (new fixture styles/lingdao_blank.txt), 县司法局局长　赵某 (styles/peihe_tail.txt, measure
    # 6): a post and its holder's name are a person, no lead 县长张某某 (gazetteer.toml
    # post_endings)
    plan = parse_path(FIXTURES / "styles" / "lingdao_blank.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        ([], ["县住房和城乡建设局"]),
        ([], ["县公安局交警大队", "县交通运输局"]),
        (["县应急管理局"], []),
    ]


def test_a_section_heading_run_into_its_problem_field():
    # （一）…不够到位 over 问题：… (d162) and 存在问题：… (new fixture styles/zhenggai_xuncha.txt),
    # printed run in: the 问题清单's field label and its colon open the paragraph, so the
    # section's title ends before it, as "1.问题：…" opens an item in d88 (structure.toml
    # field_openings)
    paths = [DOCUMENTS / "d162_xuncha_fankui_zhenggai.txt"]
    for path in [*paths, FIXTURES / "styles" / "zhenggai_xuncha.txt"]:
        text = path.read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [s.title for s in run_in.sections] == [s.title for s in printed.sections]


# Round 17 (branch fazhi17): d210–d217 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "months"),
    [("d214_lingdao_xuefa_jihua", 8), ("xuefa_yuefen", 5)],
)
def test_a_month_after_the_number_is_the_items_text(name, months):
    # "1.1月：学习…" / "8.12月：…" (d214, fixture styles/xuefa_yuefen.txt): a 1. item whose
    # text opens with its month, no decimal outline 1.1; its 组织单位 leads; run in, the
    # first item glued to its chapter's heading (学法安排1.1月：) is still one
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == list(range(1, months + 1))
        assert all(re.match(r"\d{1,2}月：", m.text) for m in plan.tasks)
        assert all(m.lead for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "count"),
    [("d210_duibiao_buduan", 8), ("duibiao_hengxian", 5)],
)
def test_items_numbered_with_a_hyphen_are_the_measures(name, count):
    # 1-1.短板：…。补短措施：… (d210, fixture styles/duibiao_hengxian.txt): a hyphen outline
    # whose items carry the units, numbered in order; 短板： states a field, no title; run in,
    # the 1 of 1-1. glued to its heading is no 1. of its own
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == list(range(1, count + 1))
        assert all(m.text.startswith("短板：") and m.lead for m in plan.tasks)
        assert all(m.title is None for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "no", "responsible"),
    [
        ("d211_sanxiang_zhidu", 1, ["县司法局", "县政务服务中心", "县大数据中心"]),
        ("d211_sanxiang_zhidu", 5, ["县委编办", "县司法局", "县人力资源社会保障局"]),
        ("kongge_wubiaoqian", 2, ["县司法局", "县大数据中心", "县政务服务中心"]),
    ],
)
def test_a_bracket_of_units_parted_by_blanks_only(name, no, responsible):
    # （县司法局 县政务服务中心 县大数据中心） after a sentence (d211, fixture
    # styles/kongge_wubiaoqian.txt): no label, no 、, each blank parts two names (中心 and 办
    # end units as 局 does)
    plan = parse_path_text(_document_or_fixture_text(name))
    measure = next(m for m in plan.tasks if m.no == no)
    assert measure.responsible == responsible
    assert any(d.code == "unlabelled-units" for d in plan.diagnostics)


@pytest.mark.parametrize(
    ("name", "units_of"),
    [
        ("d216_fenlie_fengong", {2: (["区司法局"], ["各街道办事处"]), 7: (["区融媒体中心"], [])}),
        ("fengong_binglie", {1: (["县司法局"], ["各乡镇人民政府"]), 3: (["县司法局"], [])}),
    ],
)
def test_a_division_of_labour_printed_as_a_parallel_list(name, units_of):
    # 三、责任分工 / "1.区委宣传部、区司法局；2.区司法局，各街道办事处；…" on one line (d216) or
    # one item a line (fixture styles/fengong_binglie.txt): each measure takes the item of its
    # number, and the items are no measures of their own; printed and run in
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert all(m.responsible for m in plan.tasks)
        for no, (responsible, collectives) in units_of.items():
            measure = plan.tasks[no - 1]
            assert (measure.responsible, measure.collectives) == (responsible, collectives)
        assert sum(d.code == "attribution-by-number" for d in plan.diagnostics) == len(plan.tasks)


@pytest.mark.parametrize(
    ("name", "count", "title"),
    [
        ("d217_yueli_liangjlan", 12, "柏垣镇2025年法治宣传教育月历"),
        ("liangl_yeban", 8, "青屿县2026年普法宣传月历"),
    ],
)
def test_a_page_printed_in_two_columns_is_read_column_by_column(name, count, title):
    # "1.一月，开展…        7.七月，开展…" (d217, fixture styles/liangl_yeban.txt): the left
    # column's items, then the right one's, each column's lines joined; a 月历 is a title
    plan = parse_path_text(_document_or_fixture_text(name))
    assert [m.no for m in plan.tasks] == list(range(1, count + 1))
    assert all(m.responsible and "\n" not in m.text and m.text.endswith("。") for m in plan.tasks)
    assert plan.title == title


def test_a_two_column_line_is_no_table_row():
    # a row of a table pasted with runs of blanks opens no numbered item in its second cell:
    # read as printed
    text = (
        "某县工作方案\n\n一、任务\n\n"
        "1.开展培训。    县司法局\n2.开展检查。    县公安局\n"
        "3.开展宣传。    县教育局\n4.开展评查。    县财政局\n"
    )
    assert restore(text).text == text


@pytest.mark.parametrize("name", ["州国家安全局", "市国家安全局"])
def test_a_state_security_bureau_is_a_unit(name):
    # 配合单位：州国家安全局、州司法局 (d214; 市 in test_units_shapes' manner): 安全局 ends a
    # bureau, though 全局 (the whole) is no unit
    reader = BracketReader(load_gazetteer())
    assert reader.split(f"配合单位：{name}、州司法局").responsible == [name, "州司法局"]
    assert reader.split("统筹全局").responsible == []


# Round 17 (branch genre17): d200–d208 and their fixtures (tests/fixtures/styles).


def test_a_person_field_in_parentheses_after_a_unit_ends_there():
    # 县教育局（分管领导：张某某）、县财政局（分管领导：李某某） (d203); 区教育局（责任领导：
    # 赵某某）；配合单位：… (fixture styles/danwei_fenguan_kuohao.txt): the list goes on
    assert units(parse("d203_shuangjian_taizhang")) == gold_units("d203_shuangjian_taizhang")
    plan = parse_path(FIXTURES / "styles" / "danwei_fenguan_kuohao.txt")
    assert [(m.lead, m.responsible, m.collectives) for m in plan.tasks] == [
        ([], ["区教育局", "区公安分局"], ["各街道办事处"]),
        (["区教育局"], ["区财政局", "区人力资源社会保障局"], []),
        ([], ["区市场监管局", "区教育局"], []),
    ]


def test_a_county_leader_is_a_person_and_a_paying_unit_is_responsible():
    # 责任县领导：刘某某 over 责任单位：… (d208), 政策兑现单位：县财政局 (d207); 责任市领导 /
    # 责任区领导 / 兑现单位 (fixture styles/zeren_xianlingdao.txt)
    plan = parse("d208_xianzhengfu_zhongdian_fenjie")
    assert not any("领导" in m.text for m in plan.tasks)
    assert units(plan) == gold_units("d208_xianzhengfu_zhongdian_fenjie")
    assert units(parse("d207_minying_jingji_duixian")) == gold_units("d207_minying_jingji_duixian")
    plan = parse_path(FIXTURES / "styles" / "zeren_xianlingdao.txt")
    assert [(m.text, m.responsible) for m in plan.tasks] == [
        ("社会消费品零售总额增长6%。", ["市商务局", "市统计局"]),
        ("对新认定的省级企业技术中心给予奖励。", ["市工业和信息化局", "市财政局"]),
        ("新增城镇就业5000人。", ["市人力资源社会保障局", "市就业服务中心"]),
    ]


def test_a_project_code_numbers_its_measure():
    # SZ-01　建设… (d205), XM-03：建设… (fixture styles/xiangmu_bianhao.txt), printed and run
    # in (the code glued to its chapter's heading): the code's number, no part of the text
    for printed in (
        (DOCUMENTS / "d205_shuzi_zhengfu_qingdan.txt").read_text(encoding="utf-8"),
        (FIXTURES / "styles" / "xiangmu_bianhao.txt").read_text(encoding="utf-8"),
    ):
        for text in (printed, variants.run_in(printed)):
            plan = parse_path_text(text)
            assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
            assert len(plan.tasks) in (8, 4)
            assert not any(re.match(r"[A-Z]{2}-", m.text) for m in plan.tasks)
            assert not any("-0" in c.title for c in plan.chapters)


def test_units_given_by_a_footnote_after_the_measures():
    # …等行为。① over 注：①市医保局牵头，市卫生健康委配合；②… (d204); a note after each
    # chapter, its numbers restarting (fixture styles/jiaozhu_danwei.txt); as printed, run
    # in and hard-wrapped
    for name in ("d204_yibao_jijin_jianguan",):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        for copy in (text, variants.run_in(text), variants.hard_wrapped(text)):
            plan = parse_path_text(copy)
            assert units(plan) == gold_units(name)
            assert [m.text for m in plan.tasks] == [t["text"] for t in gold(name)["tasks"]]
    plan = parse_path(FIXTURES / "styles" / "jiaozhu_danwei.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        (["县水利局"], ["县生态环境局"]),
        (["县卫生健康局"], []),
        (["县水利局"], ["县生态环境局"]),
        (["县水利局"], []),
        (["县水利局"], ["县应急管理局"]),
    ]
    assert not any("①" in m.text or "注" in m.text for m in plan.tasks)
    codes = [d.code for d in plan.diagnostics]
    assert codes.count("attribution-by-footnote") == 5


@pytest.mark.parametrize(
    "name",
    [
        "d200_anquan_zhuanxiang_sannian",  # 2） after 责任单位：…的最后一个单位
        "d201_yingshang_duibiao_excel",  # 指标名称 | 对标城市 columns of no role
        "d202_jiuye_shitiao",  # …、县直有关部门。本措施自印发之日起施行…
        "d209_wenming_cheping_fenjie",  # …、市公安局说明：测评项目…
    ],
)
def test_round17_documents_printed_run_in_keep_their_units(name):
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(text))) == gold_units(name)


def test_round17_fixtures_printed_run_in_keep_their_units():
    # 1）…责任单位：X 2）… (styles/zhuanti_banjiaohao.txt), 序号  领域  工作任务 … (a column
    # of no role: styles/kongge_lanmu.txt), 第三条…责任单位：X。本措施… (styles/tiaokuan_danwei.txt)
    for name, expected in (
        ("zhuanti_banjiaohao.txt", [1, 2, 1, 2]),
        ("kongge_lanmu.txt", [1, 2, 3, 4]),
        ("tiaokuan_danwei.txt", [1, 2, 3]),
        ("shuoming_after_labels.txt", [1, 2]),  # …、区财政局备注：任务编号…
    ):
        text = (FIXTURES / "styles" / name).read_text(encoding="utf-8")
        printed, run_in = _printed_and_run_in(text)
        assert [m.no for m in run_in.tasks] == expected, name
        assert units(run_in) == units(printed), name
        assert all(m.lead or m.responsible for m in run_in.tasks), name
    plan = parse_path_text(
        variants.run_in((FIXTURES / "styles" / "tiaokuan_danwei.txt").read_text(encoding="utf-8"))
    )
    assert plan.tasks[-1].attribution_raw == "责任单位：市自然资源局。"


def test_a_granted_value_and_a_value_a_rule_is_set_at_are_no_targets():
    # 给予一次性奖励50万元, 按不低于…标准的70%确定 (d207); 给予最高20万元补助, 按照…的80%执行
    # (fixture styles/zhengce_biaozhun.txt); 发放文旅消费券500万元 is still one
    plan = parse("d207_minying_jingji_duixian")
    assert [[t.value for t in m.targets] for m in plan.tasks[:4]] == [[], [2], [], [5000]]
    plan = parse_path(FIXTURES / "styles" / "zhengce_biaozhun.txt")
    assert [[t.value for t in m.targets] for m in plan.tasks] == [[], [], [500, 5], [10]]


# Round 18 (branch genre18): d220–d225 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "units_of"),
    [
        ("d222_hehu_yaodian_pozhehao", {1: ["区河长办"], 9: ["区水利局"]}),
        ("pozhehao_danwei", {1: ["镇城建办", "镇综合执法队"], 4: ["镇宣传办", "镇团委"]}),
    ],
)
def test_units_after_an_em_dash_close_the_measure(name, units_of):
    # "…不少于1次。——区河长办、各镇人民政府" (d222, fixture styles/pozhehao_danwei.txt): the
    # list after the dash is the measure's units, no bullet; printed and hard-wrapped (the
    # signature under the last list stands on its own)
    text = _document_or_fixture_text(name)
    for copy in (text, variants.hard_wrapped(text)):
        plan = parse_path_text(copy)
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert len(plan.tasks) >= 4
        for no, responsible in units_of.items():
            assert plan.tasks[no - 1].responsible == responsible
        assert all(m.text.endswith("。") for m in plan.tasks)
        assert plan.issuer and "—" not in plan.issuer


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("d221_tianzhang_qianzhi", (["县自然资源局"], ["县农业农村局"], ["各镇人民政府"])),
        ("qianzhi_biaoqian", (["县文化和旅游局"], ["县交通运输局", "县财政局"], [])),
    ],
)
def test_labels_on_the_numbers_line_over_the_text_are_its_units(name, first):
    # 1.牵头：X　配合：Y over "全面完成…" and 完成时限：长期坚持 (d221, fixture
    # styles/qianzhi_biaoqian.txt): the labels are the attribution, the text starts below
    # them; printed run-in, the text starts after the last unit
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        measure = plan.tasks[0]
        assert (measure.lead, measure.responsible, measure.collectives) == first
        assert not any("牵头" in m.text or "完成时限" in m.text for m in plan.tasks)
        assert all(m.lead or m.collectives for m in plan.tasks)
        assert measure.deadline and measure.deadline.endswith("底前")


def test_a_subpoint_number_is_no_part_of_a_target():
    # （2）整治农村黑臭水体8条 (d220) and （1）新建街道综合养老服务中心4个 (d26): the number of
    # the sub-point opens no target's quote, nor hides the target
    plan = parse("d220_renju_sijiceng")
    assert [t.value for t in plan.tasks[2].targets] == [45, 8]
    assert not any(t.quote.startswith("（") for m in plan.tasks for t in m.targets)
    plan = parse("d26_fuwu_headbrackets")
    assert not any(t.quote.startswith("（") for m in plan.tasks for t in m.targets)


# Round 18 (branch fazhi18).


def test_a_line_opening_with_a_decimal_quantity_continues_its_measure():
    # "…参考人次达到" over "1.5万人次以上，…" (d230) and "…发放贷款达到" over "1.2亿元以上。"
    # (fixture styles/xiaoshu_hangshou.txt): a decimal quantity, no outline number 1.5
    text = (FIXTURES / "styles" / "xiaoshu_hangshou.txt").read_text(encoding="utf-8")
    plan = parse_path_text(text)
    assert [(m.no, m.responsible, targets(m)) for m in plan.tasks] == [
        (1, ["县财政局"], [(None, 3.5, "%", "<=")]),
        (2, ["县财政局", "县人行"], [(None, 1.2, "亿元", ">=")]),
        (1, ["县农业农村局"], [(None, 2.4, "万人", ">=")]),
        (2, ["县民政局"], [(None, 300.0, "人", "=")]),
    ]
    third = parse("d230_qu_fazhi_shehui_sanji").tasks[2]
    assert third.text.endswith("1.5万人次以上，考试合格率达到98%以上。")


def test_a_maritime_safety_body_keeps_its_own_name():
    # 海宁湾海事局 after 市公安局 (d235), 澜港海事局 after 市应急管理局 or alone (fixture
    # styles/shuishang_anquan.txt): the Ministry of Transport's, named after its port
    text = (FIXTURES / "styles" / "shuishang_anquan.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(text)) == [
        (1, ["市交通运输局"], ["市应急管理局", "澜港海事局"], ["各县（市、区）人民政府"]),
        (2, ["澜港海事局"], ["市交通运输局", "市公安局"], []),
        (3, ["市公安局"], ["市农业农村局", "澜港海事局"], []),
    ]
    assert parse("d235_shewai_fazhi_yaodian").tasks[4].responsible == ["市公安局", "海宁湾海事局"]


def test_actions_under_a_chapter_are_sections_led_by_their_label_lines():
    # "二、重点行动" over "行动一：…", "牵头领导：…", "牵头单位：X、Y", then 1. 2. (fixture
    # styles/xingdong_qiantou.txt; d233 under 一、行动内容): each action a section, its
    # label lines the units of the measures under it that print none of their own
    text = (FIXTURES / "styles" / "xingdong_qiantou.txt").read_text(encoding="utf-8")
    plan = parse_path_text(text)
    assert [(c.no, c.title) for c in plan.chapters] == [
        ("一", "总体要求"),
        ("二", "重点行动"),
        ("三", "保障措施"),
    ]
    assert [(s.no, s.chapter) for s in plan.sections] == [("一", "二"), ("二", "二"), ("三", "二")]
    assert [(m.no, m.section, m.lead, m.responsible) for m in plan.tasks] == [
        (1, "一", ["县司法局", "县委宣传部"], []),
        (2, "一", ["县司法局", "县委宣传部"], []),
        (3, "二", ["县委政法委"], []),
        (4, "二", ["县信访局"], ["县公安局"]),
        (5, "三", ["县民政局"], []),
    ]
    # the measures given their action's units say so (4 and 5 print their own)
    given = {d.line for d in plan.diagnostics if d.code == "chapter-attribution"}
    assert given == {m.line for m in plan.tasks[:3]}
    assert units(parse("d233_fazhi_shida_xingdong")) == gold_units("d233_fazhi_shida_xingdong")


# Round 18 (branch leftovers18).


def test_a_run_in_category_table_reads_names_by_the_parse_gazetteer(tmp_path):
    # …\t县乌兰牧骑矛盾化解\t3\t… (fixture styles/leibie_hebing.txt run in, its 县妇联 a body
    # only a deployment's gazetteer ends): the glued category is parted by the endings of the
    # gazetteer given to the parse, not the packaged one's alone
    text = (FIXTURES / "styles" / "leibie_hebing.txt").read_text(encoding="utf-8")
    text = variants.run_in(text.replace("县妇联", "县乌兰牧骑"))
    extension = tmp_path / "local.toml"
    extension.write_text('[phrases]\nname_endings = ["牧骑"]\n', encoding="utf-8")
    packaged = parse_path_text(text)
    own = parse_path_text(text, gazetteer=load_gazetteer(extension))
    assert packaged.tasks[1].responsible == ["县乌兰牧骑矛盾化解"]
    assert own.tasks[1].responsible == ["县乌兰牧骑"]


def test_a_units_own_bodies_after_it_name_no_unit():
    # 县教育局及其所属学校, 县卫健局及所属单位, 县公安局及其下属单位 (new fixture styles/
    # suoshu_danwei.txt; the 所属 rows of test_units_shapes.py): the unit alone, no
    # 县其所属学校; a collective's own (各乡镇及其所属村（社区）) stays one collective
    plan = parse_path(FIXTURES / "styles" / "suoshu_danwei.txt")
    assert [(m.responsible, m.collectives) for m in plan.tasks] == [
        (["县教育局"], []),
        (["县卫健局"], []),
        (["县公安局", "县交通运输局"], []),
        (["县市场监管局"], ["各乡镇及其所属村（社区）"]),
    ]


def test_a_tab_row_cut_in_its_one_name_after_a_place_and_a_character_is_joined():
    # "…\t县财" over "政局", "…\t县审" over "计局" (new fixture styles/tab_duanming.txt, a
    # PDF layer's lines; d174 ragged, "…\t市司" over "法局、…", in test_document_variants):
    # a place and one character that ends no name is a name cut by the wrap, not a body
    plan = parse_path(FIXTURES / "styles" / "tab_duanming.txt")
    assert [m.responsible for m in plan.tasks] == [
        ["县财政局", "县农业农村局"],
        ["县财政局"],
        ["县审计局"],
    ]


def test_a_run_in_tab_table_ending_the_plan_ends_before_the_signature():
    # "…\t县水利局、各乡镇人民政府青禾县…办公室2024年3月8日" (new fixture styles/
    # biaowei_qianming.txt run in; styles/leibie_hebing.txt run in, above): the signature
    # the metadata read is no part of the last row's units
    text = (FIXTURES / "styles" / "biaowei_qianming.txt").read_text(encoding="utf-8")
    printed, run_in = _printed_and_run_in(text)
    assert units(run_in) == units(printed)
    assert (
        run_in.tasks[-1].attribution_raw
        == "牵头单位:县生态环境局;配合单位:县水利局、各乡镇人民政府"
    )


def test_an_interpretation_clause_is_no_measures_attribution():
    # "本措施由县人社局负责解释。" under an article with no units of its own (new fixture
    # styles/jieshi_tiaokuan.txt); "…，由市农业农村局负责解释。" under an article whose 责任单位
    # label the wrap split (styles/tiaokuan_danwei.txt hard-wrapped at 30): who interprets the
    # plan carries no measure's duty
    plan = parse_path(FIXTURES / "styles" / "jieshi_tiaokuan.txt")
    assert [(m.lead, m.responsible) for m in plan.tasks] == [
        ([], ["县人社局", "县财政局"]),
        ([], []),
    ]
    text = (FIXTURES / "styles" / "tiaokuan_danwei.txt").read_text(encoding="utf-8")
    wrapped = parse_path_text(variants.hard_wrapped(text, 30))
    assert all("解释" not in (m.attribution_raw or "") for m in wrapped.tasks)
    assert all(m.lead != ["市农业农村局"] for m in wrapped.tasks)


def test_a_title_run_into_a_preamble_naming_its_subject_again():
    # "…工作方案市政协十一届三次会议共立案…" (d181 printed run-in), "…工作方案县人大常委会本次
    # 会议共交办…" (new fixture styles/renda_jianyi_runin.txt run in): the title ends at the
    # kind that its own subject, named again, follows
    for path, title in (
        (DOCUMENTS / "d181_zhengxie_tian_banli.txt", "澜沧市政协十一届三次会议提案办理工作方案"),
        (
            FIXTURES / "styles" / "renda_jianyi_runin.txt",
            "青禾县人大常委会2024年代表建议办理工作方案",
        ),
    ):
        text = path.read_text(encoding="utf-8")
        assert parse_path_text(variants.run_in(text)).title == title


# Round 19 (branch genre19): d240–d247 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "responsible"),
    [
        ("d242_yanglao_tixi", [["区发展改革局", "区财政局"], ["区市场监管局"]]),
        ("danweihang_wujuhao", [["县财政局"], ["县发展改革局"]]),
    ],
)
def test_a_unit_line_with_no_full_stop_closes_its_measure(name, responsible):
    # "区民政局牵头，区财政局配合" right over "2.推进…", no blank line between (d242
    # hard-wrapped, fixture styles/danweihang_wujuhao.txt as printed): the number after the
    # unit line opens the next measure, no page-chunk number interrupting a sentence
    text = _document_or_fixture_text(name)
    if name.startswith("d"):
        text = variants.hard_wrapped(text)
    plan = parse_path_text(text)
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    assert len(plan.tasks) >= 4
    assert [m.responsible for m in plan.tasks[:2]] == responsible
    assert all(m.section for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "count"), [("d243_minying_tiaokuan", 11), ("shixing_tiaokuan", 3)]
)
def test_a_closing_article_stating_when_the_plan_takes_effect_is_a_provision(name, count):
    # "第十二条　本措施自印发之日起施行，有效期至…" (d243), "第四条　本措施自发布之日起施行，由县
    # 商务局负责解释。" (fixture styles/shixing_tiaokuan.txt): the last article names no units
    # while the others do, and is left out with a provisions-not-measures warning
    plan = parse_path(_document_or_fixture(name))
    assert len(plan.tasks) == count
    assert all(m.responsible for m in plan.tasks)
    assert any(d.code == "provisions-not-measures" for d in plan.diagnostics)


def test_hectares_and_a_sum_after_the_verb_are_targets():
    # 新增绿地面积12公顷 and 更新改造…管网共计85公里 (d245), 完成人工造林1200公顷 and 实施森林
    # 抚育和退化林修复共计2000公顷 (fixture styles/gongqing_mianji.txt)
    plan = parse_path(FIXTURES / "styles" / "gongqing_mianji.txt")
    assert [[(t.value, t.unit) for t in m.targets] for m in plan.tasks] == [
        [(1200, "公顷"), (800, "公顷")],
        [(35, "公顷"), (38, "%")],
        [(2000, "公顷"), (10, "万株")],
    ]
    plan = parse("d245_chengshi_gengxin_xiangmu")
    assert [(t.value, t.unit) for t in plan.tasks[2].targets] == [(85, "公里")]
    assert [(t.value, t.unit) for t in plan.tasks[5].targets] == [(40, "个"), (12, "公顷")]


def test_a_causative_verb_before_a_count_of_objects_states_a_target():
    # 推动1000家中小企业上云用数 (d243), 引导200户农户加入…, 推动30家家庭农场升级…, 带动3000名
    # 群众就近就业 (fixture styles/tuidong_shuliang.txt): the value counts the objects brought
    # to act
    plan = parse_path(FIXTURES / "styles" / "tuidong_shuliang.txt")
    assert [[(t.value, t.unit) for t in m.targets] for m in plan.tasks] == [
        [(200, "户")],
        [(30, "家")],
        [(3000, "名")],
    ]
    assert [(t.value, t.unit) for t in parse("d243_minying_tiaokuan").tasks[7].targets] == [
        (1000, "家")
    ]


def test_a_blank_parting_two_units_at_a_line_break_is_kept():
    # "…配合单位：县发展改革局 " over "县市场监管局）" (fixture styles/kongge_huanhang.txt, a
    # PDF layer) and "…市委网信办 " over "市邮政管理局)" (d241 as a ragged PDF layer): the
    # blank the line ended with parts the names, which joined without it read as one
    plan = parse_path(FIXTURES / "styles" / "kongge_huanhang.txt")
    assert [m.responsible for m in plan.tasks] == [
        ["县发展改革局", "县市场监管局"],
        ["县住房城乡建设局", "县交通运输局", "县应急管理局"],
        ["县政务服务中心", "县信访局"],
    ]
    text = (DOCUMENTS / "d241_diandongche_quanlianlian.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.ragged_pdf(text))) == gold_units(
        "d241_diandongche_quanlianlian"
    )


def test_a_numbered_tab_row_broken_short_of_the_margin_is_joined():
    # "6\t村道生命安全防护工程\t…消除" over "临水临崖隐患\t980\t…" (fixture
    # styles/biaoge_duanhang.txt, a PDF layer) and "2\t…\t…新增停车" over "位300个\t0.8\t…"
    # (d245 as a ragged PDF layer): the line's cells make up the row's rest
    plan = parse_path(FIXTURES / "styles" / "biaoge_duanhang.txt")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5, 6]
    assert plan.tasks[5].responsible == ["县交通运输局", "县应急管理局"]
    assert plan.tasks[5].text.endswith("消除临水临崖隐患")
    text = (DOCUMENTS / "d245_chengshi_gengxin_xiangmu.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.ragged_pdf(text))) == gold_units(
        "d245_chengshi_gengxin_xiangmu"
    )


# Round 19 (法治) (branch fazhi19): d250–d257 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "d250_duibiao_buduanban",
            [("县委编办", ["县司法局", "县政务服务中心"]), ("县政务服务中心", ["县大数据中心"])],
        ),
        (
            "fangkuang_duanbiaoqian",
            [("市司法局", ["市委宣传部", "市文化广电旅游局"]), ("市司法局", ["市农业农村局"])],
        ),
    ],
)
def test_role_words_in_square_brackets_are_labels(name, expected):
    # 【牵头】X【配合】Y under each measure (d250) or after its sentence (fixture
    # styles/fangkuang_duanbiaoqian.txt, 【协办】 too): the role words are labels as 【牵头单位】
    # is, no bracket of units holding the verb 牵头
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [(m.lead, m.responsible) for m in plan.tasks[:2]] == [
            ([lead], responsible) for lead, responsible in expected
        ]
        assert all(m.attribution_raw.startswith("【牵头】") for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "chapter", "numbers", "lead"),
    [
        ("d251_xiangzhen_liugeyi", "建好一支基层法治队伍", [5, 6, 7], "县司法局"),
        ("zhangjie_kuohao_danwei", "完善公共法律服务平台", [1, 2], "市司法局"),
    ],
)
def test_a_chapter_headings_bracket_names_the_units_of_its_measures(name, chapter, numbers, lead):
    # "三、建好一支基层法治队伍（牵头单位：县司法局；责任单位：各乡镇（街道））" over 5.–7. with no
    # units (d251), "一、…（牵头单位：市司法局；配合单位：市大数据中心）" over 1. 2. and a 3. with
    # its own bracket (fixture styles/zhangjie_kuohao_danwei.txt): the measures take the
    # heading's units, the bracket is no part of the chapter's title; run in too
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert chapter in [c.title for c in plan.chapters]
        shared = [m for m in plan.tasks if m.no in numbers]
        assert [m.no for m in shared] == numbers
        assert all(m.lead == [lead] for m in shared)
        assert any(d.code == "chapter-attribution" for d in plan.diagnostics)
    own = parse_path_text(text).tasks
    assert all(m.lead != [lead] or m.no in numbers for m in own if m.chapter == "一")


@pytest.mark.parametrize(
    ("name", "count"),
    [("d254_yingzhi_yinghui_xuexi", 8), ("jieduan_wubianhao", 4)],
)
def test_numbered_items_under_bare_heading_lines_are_no_page_chunks(name, count):
    # 第一季度 … 第四季度 (d254), 上半年 / 下半年 (fixture styles/jieduan_wubianhao.txt) on lines
    # of their own over 1. 2. …: the numbers open measures under a short heading without a
    # number, not a sharing site's page chunks cutting sentences; no number in the texts.
    # Run in, the heading glued between a bracket and the number (…县司法局）第二季度3.学习…)
    # is passed over as a sentence end is
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == list(range(1, count + 1))
        assert not any(m.text[:1].isdigit() for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "rows"),
    [("d257_fazhi_wenhua_zhendi", 6), ("fubiao_duoyu_tiaomu", 5)],
)
def test_an_annexed_table_of_more_tasks_than_the_bodys_items_holds_the_measures(name, rows):
    # 二、主要任务 （一）…（三） naming no units over a 附表 of six tasks, two of which share an
    # item's words (d257), （一）（二） over five rows, each item matching one (fixture
    # styles/fubiao_duoyu_tiaomu.txt): the rows are the measures, under no chapter (附表
    # heads an attachment as 附件 does), and the items provisions
    plan = parse_path_text(_document_or_fixture_text(name))
    assert [m.no for m in plan.tasks] == list(range(1, rows + 1))
    assert all(m.chapter is None and m.attribution_raw for m in plan.tasks)
    assert all("。" not in m.text for m in plan.tasks)
    assert any(d.code == "provisions-not-measures" for d in plan.diagnostics)


# Round 20 (法治) (branch fazhi20): d270–d276 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "count", "lead"),
    [("d270_zhou_fazhi_shehui_fenjie", 11, "州委宣传部"), ("kuohao_shuzi_biaoqian", 5, "市司法局")],
)
def test_measures_numbered_in_brackets_after_label_lines_run_in(name, count, lead):
    # （1）…。 over 责任单位：州委宣传部（牵头）、… (d270) or 牵头单位： / 配合单位： lines (fixture
    # styles/kuohao_shuzi_biaoqian.txt) under 一、 with no （一） level: printed run-in, the
    # （2） after the last unit of （1）'s label line opens the next measure
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.no for m in plan.tasks] == list(range(1, count + 1))
        assert plan.tasks[0].lead == [lead]
        assert not any("(" in u or "（" in u for m in plan.tasks for u in m.responsible)


def test_a_page_footer_between_blank_lines_cuts_a_unit_name():
    # "…县人力资源和社会" / "" / "—5—" / "" / "保障局）" (d273): the line cut is joined to its
    # rest across the blank lines and the footer, so the bracket is read whole; a sentence cut
    # so (d242: "…提高" / "— 3 —" / "入住率…") is one line again
    plan = parse("d273_suyuan_zhili")
    assert plan.tasks[3].responsible == [
        "县卫生健康局",
        "县公安局交通管理大队",
        "县人力资源和社会保障局",
    ]
    assert plan.tasks[3].text.endswith("建成调解组织6个。")
    text = (DOCUMENTS / "d242_yanglao_tixi.txt").read_text(encoding="utf-8")
    assert "参与管理，提高入住率和服务质量。" in restore(text).text


@pytest.mark.parametrize("name", ["d271_shuizhifa_shuipufa_qingdan", "pufa_neirong_ziduan"])
def test_items_opening_with_their_content_field_carry_no_title(name):
    # 1.普法内容：治安管理处罚法。重点对象：… (d271) and 1.普法内容：税收征收管理法。普法对象：…
    # (fixture styles/pufa_neirong_ziduan.txt): the field states what the item teaches, no
    # heading over it (structure.toml field_openings), however short its value
    plan = parse_path_text(_document_or_fixture_text(name))
    assert [m.title for m in plan.tasks] == [None] * len(plan.tasks)


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("d271_shuizhifa_shuipufa_qingdan", ["县融媒体中心"]),
        ("pufa_neirong_ziduan", ["区医疗保障局"]),
    ],
)
def test_a_closing_paragraph_run_into_the_last_label_line_is_no_unit(name, last):
    # "…配合单位：县融媒体中心各责任单位于2025年12月10日前将…报县委依法治县办。" (d271) and
    # "…配合单位：区医疗保障局各单位要于每季度末将…" (fixture styles/pufa_neirong_ziduan.txt),
    # printed run-in: the closing paragraph's subject ends the label's value
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert (plan.tasks[-1].responsible, plan.tasks[-1].collectives) == (last, [])


# Round 19 (branch leftovers19).


def test_label_lines_run_into_an_actions_heading_lead_its_measures():
    # "行动二：科学民主立法行动牵头领导：周某某牵头单位：X、Y1.完成…" (d233 run in) and
    # "行动二：矛盾纠纷化解行动牵头领导：何某某牵头单位：县委政法委（县委平安办）3.健全…" (fixture
    # styles/xingdong_qiantou.txt run in): the label lines that ran into the heading are the
    # units of the measures under it, and no part of its title; the first action, glued to
    # its chapter's heading ("二、重点行动行动一：…"), is a section as printed
    text = (FIXTURES / "styles" / "xingdong_qiantou.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.run_in(text))
    assert [(s.no, s.chapter, s.title) for s in plan.sections] == [
        ("一", "二", "法治宣传进村行动"),
        ("二", "二", "矛盾纠纷化解行动"),
        ("三", "二", "村级治理规范行动"),
    ]
    assert [(m.no, m.section, m.lead, m.responsible) for m in plan.tasks] == [
        (1, "一", ["县司法局", "县委宣传部"], []),
        (2, "一", ["县司法局", "县委宣传部"], []),
        (3, "二", ["县委政法委"], []),
        (4, "二", ["县信访局"], ["县公安局"]),
        (5, "三", ["县民政局"], []),
    ]
    given = {d.line for d in plan.diagnostics if d.code == "chapter-attribution"}
    assert given == {1}
    d233 = (DOCUMENTS / "d233_fazhi_shida_xingdong.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(d233))
    assert units(run_in) == gold_units("d233_fazhi_shida_xingdong")
    sections = [(s["no"], s["title"]) for s in gold("d233_fazhi_shida_xingdong")["sections"]]
    assert [(s.no, s.title) for s in run_in.sections] == sections


def test_a_last_dash_list_run_into_the_signature_ends_where_the_signature_starts():
    # "…公告牌。——区水利局临江区河长制办公室2025年2月25日" (d222 run in), "…规范化建设。——镇宣传办、
    # 镇团委河湾镇精神文明建设委员会办公室2025年3月3日" (fixture styles/pozhehao_danwei.txt run
    # in): the units are the last measure's and the signers are the issuer, as printed
    for path, issuer, last in (
        (DOCUMENTS / "d222_hehu_yaodian_pozhehao.txt", "临江区河长制办公室", ["区水利局"]),
        (
            FIXTURES / "styles" / "pozhehao_danwei.txt",
            "河湾镇精神文明建设委员会办公室",
            ["镇宣传办", "镇团委"],
        ),
    ):
        plan = parse_path_text(variants.run_in(path.read_text(encoding="utf-8")))
        assert plan.issuer == issuer
        assert plan.tasks[-1].responsible == last
        assert plan.tasks[-1].text.endswith("。")


def test_restore_tells_a_name_cut_by_the_wrap_by_the_parse_gazetteer(tmp_path):
    # "…\t县财" over "政局" (fixture styles/tab_duanming.txt): a place and a character that
    # ends no name is a name the wrap cut, told by the gazetteer the parse was given; in a
    # deployment whose gazetteer makes 财 a name's ending, 县财 is a whole name and its row
    # is not joined with the line under it
    text = (FIXTURES / "styles" / "tab_duanming.txt").read_text(encoding="utf-8")
    extension = tmp_path / "local.toml"
    extension.write_text('[phrases]\nname_endings = ["财"]\n', encoding="utf-8")
    own = load_gazetteer(extension)
    assert "\t县财政局、县农业农村局\n" in restore(text).text
    assert "\t县财\n政局、县农业农村局\n" in restore(text, own).text
    assert "\t县审计局\n" in restore(text, own).text  # (审 ends no name in either)
    assert parse_path_text(text).tasks[0].responsible == ["县财政局", "县农业农村局"]
    assert parse_path_text(text, gazetteer=own).tasks[0].responsible != ["县财政局", "县农业农村局"]


def test_names_a_run_in_copy_glued_at_a_lost_line_break_are_two():
    # "…县政务服务中心" over "县信访局；…" (d146), "…县教育局" over "县体育中心；…" and "…县卫健局"
    # over "县总工会、…" (new fixture styles/kuohao_huanhang.txt): run in, the names are glued
    # where the line broke; the place printed again after a name's ending parts them, as the
    # line break did, and a merged body (县纪委县监委) stays one
    text = (FIXTURES / "styles" / "kuohao_huanhang.txt").read_text(encoding="utf-8")
    run_in = parse_path_text(variants.run_in(text))
    assert units(run_in) == units(parse_path_text(text))
    assert run_in.tasks[2].responsible == ["县卫健局", "县总工会"]
    assert run_in.tasks[3].lead == ["县纪委县监委"]
    assert not [d for d in run_in.diagnostics if d.code == "attribution-unsplit"]
    d146 = (DOCUMENTS / "d146_xingzheng_fuyi_gaige.txt").read_text(encoding="utf-8")
    assert units(parse_path_text(variants.run_in(d146))) == gold_units("d146_xingzheng_fuyi_gaige")


# Round 20 (branch genre20): d260–d265 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "task", "collective"),
    [
        ("d263_yibao_jijin_zhengzhi", 0, "县（市、区）人民政府"),
        ("d265_wengang_kuogang", 1, "县（市、区）人民政府"),
        ("d261_wenlv_xiaofeiji", 3, "县（市、区）商务主管部门"),
        ("xianshiqu_bare", 1, "县（市、区）卫生健康部门"),
    ],
)
def test_a_citys_counties_printed_as_a_class_without_ge_are_a_collective(name, task, collective):
    # "县（市、区）人民政府" in a city's list (d263, d265), "县（市、区）商务主管部门" (d261),
    # "县（市、区）卫生健康部门" (fixture styles/xianshiqu_bare.txt): every county's, as
    # 各县（市、区）人民政府 is, never a unit of the city's
    measure = parse_path(_document_or_fixture(name)).tasks[task]
    assert collective in measure.collectives
    assert collective not in measure.lead + measure.responsible


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d264_yijianshi_qingdan",
            {0: "县人力资源社会保障局", 2: "县财政局", 4: "县燃气公司"},
        ),
        ("biaoge_danyuange", {0: "县交通运输局", 2: "县水务局"}),
    ],
)
def test_a_table_cell_broken_over_two_lines_keeps_its_row(name, rows):
    # "…\t县公安局、县医疗保障局、" over "县人力资源社会保障局\t2025年6月底前" (d264), "…\t县农业
    # 农村局、县水务" over "局\t2026年10月底前" (fixture styles/biaoge_danyuange.txt): a copy
    # at no wrap width whose cell broke at its own line break; the line's cells make up
    # the row's rest, so its names are the row's units and no measure of their own
    plan = parse_path(_document_or_fixture(name))
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    for task, unit in rows.items():
        assert plan.tasks[task].responsible[-1] == unit


@pytest.mark.parametrize(
    ("name", "goals"),
    [
        (
            "d260_gaobiaozhun_nongtian",
            [(2025, 3.5, "万亩"), (2025, 1.2, "万亩"), (2025, 8000, "亩")],
        ),
        ("niandu_mubiao", [(2026, 120, "公里"), (2026, 8, "座"), (2026, 85, "%")]),
    ],
)
def test_a_goal_paragraph_opening_with_its_year_after_the_indentation(name, goals):
    # "一、年度目标" over "　　2025年全县新建高标准农田3.5万亩，…" (d260), "　　2026年全县改造提升
    # 农村公路120公里，…" (fixture styles/niandu_mubiao.txt): the year opens the paragraph's
    # clause behind its indentation, so it dates the goals and the first is counted
    plan = parse_path(_document_or_fixture(name))
    assert [(t.year, t.value, t.unit) for t in plan.targets] == goals


@pytest.mark.parametrize(
    ("name", "goals"),
    [
        ("d265_wengang_kuogang", [(2025, 1.5, "万人"), (2025, 90, "%")]),
        ("mudi_yixia", [(2026, 500, "万人次"), (2026, 10, "%")]),
    ],
)
def test_a_goal_in_a_purpose_sentence_closed_by_zhiding_yixia(name, goals):
    # "…，力争2025年全市新增城镇就业1.5万人，…，结合我市实际，制定以下措施。" (d265), "…，力争
    # 2026年全县接待游客突破500万人次，…，制定以下措施。" (fixture styles/mudi_yixia.txt): a
    # 若干措施's purpose sentence states its goals as a plan's 制定本方案 does
    plan = parse_path(_document_or_fixture(name))
    assert [(t.year, t.value, t.unit) for t in plan.targets] == goals


@pytest.mark.parametrize(
    ("name", "goal"), [("d262_anquan_zhiben", (2026, 15, "%")), ("diyi_dunhao", (2026, 95, "%"))]
)
def test_chapters_numbered_di_yi_with_a_dunhao(name, goal):
    # "第一、总体目标" over "第二、年度任务" (d262) or "第二、重点任务" (fixture
    # styles/diyi_dunhao.txt, whose preamble runs "坚持安全第一、预防为主" on in a sentence):
    # chapters as 一、 are, so the first one's paragraph gives the plan's goals
    plan = parse_path(_document_or_fixture(name))
    assert [c.no for c in plan.chapters] == ["一", "二", "三"]
    assert {m.chapter for m in plan.tasks} == {"二"}
    assert [(t.year, t.value, t.unit) for t in plan.targets] == [goal]


@pytest.mark.parametrize(("name", "count"), [("d262_anquan_zhiben", 6), ("jieduan_maohao", 4)])
def test_a_stage_heading_with_a_colon_over_numbered_measures(name, count):
    # "2024年：夯实基础" right over "1.开展…" (d262 hard-wrapped: its blank lines lost),
    # "第一阶段：动员部署" over "1.制定…" (fixture styles/jieduan_maohao.txt as printed): a
    # stage's name and title apart by a colon are a heading, so the numbers under it are
    # the measures' own, no page-chunk numbers inside a sentence
    text = _document_or_fixture_text(name)
    if name.startswith("d"):
        text = variants.hard_wrapped(text)
    plan = parse_path_text(text)
    assert [m.no for m in plan.tasks] == list(range(1, count + 1))
    assert not any(m.text[:1].isdigit() for m in plan.tasks)


def test_d263_hard_wrapped_keeps_its_units():
    text = (DOCUMENTS / "d263_yibao_jijin_zhengzhi.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.hard_wrapped(text))
    assert units(plan) == gold_units("d263_yibao_jijin_zhengzhi")


@pytest.mark.parametrize(
    ("name", "covered", "lead"),
    [("d260_gaobiaozhun_nongtian", 4, "县农业农村局"), ("yishang_tongxing", 3, "县民政局")],
)
def test_a_bracket_covering_the_items_above_at_the_end_of_the_last_ones_line(name, covered, lead):
    # "4.白马乡…0.7万亩。（以上任务由县农业农村局牵头，各乡镇负责）" (d260 as a ragged PDF layer
    # joins the bracket's line to the item's), "3.实施临时救助。…（以上任务由县民政局负责，县财政局
    # 配合）" (fixture styles/yishang_tongxing.txt as printed): 以上任务由 covers the items above
    # that name no units, as the bracket on a line of its own does
    text = _document_or_fixture_text(name)
    if name.startswith("d"):
        text = variants.ragged_pdf(text)
    plan = parse_path_text(text)
    assert [m.lead for m in plan.tasks[:covered]] == [[lead]] * covered


@pytest.mark.parametrize(
    ("name", "year"), [("d260_gaobiaozhun_nongtian", 2025), ("niandu_mubiao", 2026)]
)
def test_a_goal_headings_bare_year_glued_to_it_run_in_dates_its_goals(name, year):
    # "一、年度目标2025年全县新建高标准农田3.5万亩，…" (d260 printed run-in), "一、年度目标2026年
    # 全县改造提升…" (fixture styles/niandu_mubiao.txt printed run-in): the heading is a goal
    # heading and its year opens the paragraph's clause, as on lines of their own
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert len(plan.targets) == 3
    assert {t.year for t in plan.targets} == {year}


# Round 21 (法治) (branch fazhi21): d290–d292 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "d291_qijin_pufa",
            [["县委组织部", "县司法局"]] * 2 + [["县委农办", "县司法局"]] * 2 + [["县民政局"]],
        ),
        ("fenlei_kuohao_danwei", [[]] * 5),
    ],
)
def test_section_headings_closed_by_a_bracket_over_numbered_measures(name, leads):
    # "（一）法治宣传进机关（牵头单位：县委组织部、县司法局）" over 1. 2. (d291), "（一）家庭保护
    # 宣传（责任单位：市妇联、市司法局）" over 1. 2. (fixture styles/fenlei_kuohao_danwei.txt):
    # the （一） lines are sections, not measures; their bracket is no part of the title and
    # gives its units to the measures under it that print none
    # the same printed run in: the heading's title ends at the bracket, the 1. after it
    text = _document_or_fixture_text(name)
    for plan in _printed_and_run_in(text):
        assert [m.lead for m in plan.tasks[:5]] == leads
        assert [m.section for m in plan.tasks[:5]] == ["一", "一", "二", "二", "三"]
        assert all("（" not in s.title and "(" not in s.title for s in plan.sections)
        if name.startswith("fenlei"):
            assert plan.tasks[0].responsible == ["市妇联", "市司法局"]
            assert plan.tasks[3].responsible == ["市教育局", "市公安局"]  # its own bracket


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "d292_zhifa_xietiao_jiandu",
            {3: ["县司法局", "县政务服务管理局"], 8: ["县委依法治县办", "县司法局"]},
        ),
        ("danwei_maohao_duoge", {1: ["市司法局", "市公证协会"], 5: ["市司法局", "市发展改革委"]}),
    ],
)
def test_measures_opening_with_several_units_and_a_colon(name, leads):
    # "3.县司法局、县政务服务管理局：建立…" (d292), "4.市司法局、市市场监管局：开展…" (fixture
    # styles/danwei_maohao_duoge.txt): the units before the colon lead together, and a
    # chapter whose items all open so is no chapter of provisions
    plan = parse_path_text(_document_or_fixture_text(name))
    got = {m.no: m.lead for m in plan.tasks}
    assert len(got) in (5, 8)
    assert {no: got[no] for no in leads} == leads


# Round 21 (branch genre21): d280–d283 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "deadlines"),
    [
        ("d281_xianyu_shangye", [(5, "2025年第三季度前")]),
        ("jidu_qian", [(1, "2026年第二季度前"), (2, "2026年第四季度末"), (3, "2026年10月底前")]),
    ],
)
def test_a_quarter_before_qian_or_mo_is_part_of_the_deadline(name, deadlines):
    # "2025年第三季度前建成县级物流配送中心1个" (d281), "2026年第二季度前建成…" and
    # "2026年第四季度末全部投入使用" (fixture styles/jidu_qian.txt): the deadline is the
    # quarter's, not the bare year's
    plan = parse_path(_document_or_fixture(name))
    assert [(m.no, m.deadline) for m in plan.tasks if m.deadline] == deadlines


@pytest.mark.parametrize(
    ("name", "kind", "titles"),
    [
        ("d281_xianyu_shangye", "sections", ["完善县域商业网络", "健全农村物流配送体系"]),
        ("d163_minsheng_shishi", "chapters", ["教育保障类", "医疗卫生类"]),
        ("d168_yingshang_shida_xingdong", "chapters", ["政务服务提速行动", "市场准入便利行动"]),
    ],
)
def test_a_key_task_mark_run_into_a_heading_is_no_part_of_its_title(name, kind, titles):
    # "（一）完善县域商业网络★1.改造…" (d281 printed run-in), "一、教育保障类★1.新建…" (d163),
    # "行动一　政务服务提速行动▲1.…" (d168): the mark flags the next measure
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert [heading.title for heading in getattr(plan, kind)][:2] == titles


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d282_dizhi_zaihai", ["县自然资源局"] * 4 + ["县气象局", "县应急管理局"]),
        ("yishi_hangshou", ["县人力资源社会保障局"] * 3),
    ],
)
def test_a_first_yishi_glued_to_its_chapter_heading_run_in_is_a_measure(name, leads):
    # "四、重点工作一是开展隐患排查。…（…）二是落实…" (d282 printed run-in), "二、重点任务一是开展
    # 企业职工…" (fixture styles/yishi_hangshou.txt run in): the 一是 opens the first measure
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert [m.no for m in plan.tasks] == list(range(1, len(leads) + 1))
    assert [m.lead[0] for m in plan.tasks] == leads


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        ("d283_fan_shipin_langfei", ["一", "一", "二", "二", "三", "三"]),
        ("sanjiao_bullets", ["一", "一", "二"]),
    ],
)
def test_bullets_under_a_section_heading_are_its_measures(name, sections):
    # "（一）推进餐饮行业节约" over "▲ 推行…。（县市场监管局牵头，县商务局配合）" (d283),
    # "（一）农业节水" over "▲ 推广…" and "△ 加强…" (fixture styles/sanjiao_bullets.txt,
    # whose （二） heads one bullet and whose 保障措施 （一） is a section): the （一） lines
    # are headings
    plan = parse_path(_document_or_fixture(name))
    assert [m.section for m in plan.tasks] == sections
    assert all(m.text[0] not in "▲△" for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("d283_fan_shipin_langfei", ["推进餐饮行业节约", "强化公共机构带头", "加强宣传教育引导"]),
        ("sanjiao_bullets", ["农业节水", "工业节水", "强化考核"]),
    ],
)
def test_bullets_glued_to_a_section_heading_run_in_are_its_measures(name, titles):
    # "（一）推进餐饮行业节约▲ 推行…" (d283 printed run-in), "（一）农业节水▲ 推广…" (fixture
    # styles/sanjiao_bullets.txt run in): the heading ends at the bullet, which opens a measure
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert [s.title for s in plan.sections] == titles
    assert len(plan.tasks) == {"d283": 6}.get(name[:4], 3)


# Round 22 (法治) (branch fazhi22): d293–d299 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads", "headings"),
    [
        (
            "d293_sheqi_guanchadian",
            [["县司法局"]] * 5,
            (["一", "二"], ["一", "二", "一", "二"]),
        ),
        (
            "d294_minfadian_xuanchuanyue",
            [["县司法局"]] * 2
            + [["县融媒体中心"], ["县工商联"], ["县民政局"], ["县教育局"]]
            + [["县委依法治县办"]],
            (["一", "二", "三"], []),
        ),
    ],
)
def test_task_numbers_naming_the_heading_give_the_measures_their_units(name, leads, headings):
    # an annexed 分工表 whose 任务编号 cells name a measure by its heading's numeral and its
    # number ("（一）1", "（二）3": d293; "一、1", "三、7": d294), under measures that name
    # no units: each measure takes its row's units, and the rows are no headings (no
    # section (一) nor chapter 一 of theirs); the same printed run in
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.lead for m in plan.tasks] == leads
        assert ([c.no for c in plan.chapters], [s.no for s in plan.sections]) == headings
        assert all(m.responsible or m.collectives for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "leads", "last"),
    [
        (
            "bianhao_zhangjie",
            [
                "镇司法所",
                "镇党政综合办公室",
                "镇纪委",
                "镇司法所",
                "镇党委组织办",
                *["镇党政综合办公室"],
            ],
            "申报。",
        ),
        (
            "d312_xinfang_fazhihua",
            ["县发展和改革局", "县委政法委", *["县信访局"] * 4, "县委政法委"],
            "法定途径处理。",
        ),
    ],
)
def test_task_numbers_restarting_in_each_chapter_name_one_measure_by_the_pair(name, leads, last):
    # "一、1 一、2 二、1 二、2 二、3 三、1" under measures numbered 1. 2. again in each chapter
    # (fixture styles/bianhao_zhangjie.txt, d312): a bare number names no one measure, the
    # chapter's numeral and the number do; printed run in too, the rows read on past 二、1
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.lead for m in plan.tasks] == [[lead] for lead in leads]
        assert [m.no for m in plan.tasks][:3] == [1, 2, 1]
        assert plan.tasks[-1].text.endswith(last)  # (signed above its 附件, or 四、 below)


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("d294_minfadian_xuanchuanyue", "汇编成册并在全县推广。"),
        ("d295_fazhi_wenhua_zhendi", "每年放映法治题材影片200场次以上。"),
        ("lianxiren_biaoqian", "完善律师参与化解机制。"),
    ],
)
def test_a_contact_line_under_the_last_measure_is_no_attribution(name, last):
    # "联系人：县司法局普法与依法治理股　李明　电话：…" under the last measure, which names no
    # units (d294: its units are in the annexed table), or under its label lines
    # ("责任单位：…" then "联系人：县司法局　王芳　联系电话：…": d295): the contact is whom to
    # call, no unit's field; the measures before it are no provisions; the same run in (the
    # contact run into the last label's value: d295, fixture styles/lianxiren_biaoqian.txt)
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert plan.tasks[-1].text.endswith(last)
        assert "联系人" not in (plan.tasks[-1].attribution_raw or "")
        assert len(plan.tasks) in (3, 6, 7)
        assert not [d for d in plan.diagnostics if d.code == "provisions-not-measures"]


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d296_xingzheng_fuyi_gaige", ["县司法局"] * 5 + ["县人民政府办公室"]),
        (
            "d297_fazhi_zhengfu_shifan_zhibiao",
            ["县委编办"] * 2 + ["县政务服务管理局"] + ["县司法局"] * 5,
        ),
    ],
)
def test_a_lead_cell_merged_over_rows_leads_each_of_them(name, leads):
    # a 牵头单位 cell printed on its group's first row only, blank below, beside each row's
    # own 配合单位 (d296 under body measures, d297 a plan that is only the table): the blank
    # rows take the lead above; the same run in
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.lead for m in plan.tasks] == [[lead] for lead in leads]


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("d296_xingzheng_fuyi_gaige", "公开率达到100%。"),
        ("d299_lingdao_ganbu_xuefa", "考试合格率达到100%。"),
    ],
)
def test_a_signature_above_an_annexed_table_ends_the_last_measure(name, last):
    # "…公开率达到100%。" / "鹤岭县人民政府办公室" / "2025年4月8日" / "附件" / the table (d296,
    # d299): the last measure, which names no units, ends before the signature; printed run
    # in ("…100%。鹤岭县人民政府办公室2025年4月8日附件行政复议…分工表序号…") as well
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert plan.tasks[-1].text.endswith(last)
        assert plan.tasks[-1].lead


@pytest.mark.parametrize(
    ("name", "issuer", "last"),
    [
        (
            "d310_minzhu_fazhi_shifancun",
            "中共平川县委全面依法治县委员会办公室 平川县民政局",
            (["县委依法治县办"], ["各乡镇人民政府"]),
        ),
        ("pozhehao_liangren", "中共白溪镇委员会 白溪镇人民政府", (["镇司法所"], ["各村民委员会"])),
    ],
)
def test_two_signers_run_into_a_last_dash_list_of_units(name, issuer, last):
    # "…考核内容。——县委依法治县办、各乡镇人民政府中共平川县委…办公室平川县民政局2025年3月26日"
    # (d310 printed run-in), "…非诉方式解决。——镇司法所、各村民委员会中共白溪镇委员会白溪镇
    # 人民政府2025年3月10日" (fixture styles/pozhehao_liangren.txt run in): both signers sign,
    # and the units of the dash list end before the first
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert plan.issuer == issuer
        assert (plan.tasks[-1].responsible, plan.tasks[-1].collectives) == last


def test_two_signers_run_into_a_last_field_end_its_value():
    # "…整改时限：持续推进中共和平县委办公室和平县人民政府办公室2025年4月2日" (d225 printed
    # run-in) and d310's dash list: the issuer's two names, printed together, are no part of
    # the last field
    text = _document_or_fixture_text("d225_tongji_zhenggai_qingdan")
    run_in = parse_path_text(variants.run_in(text))
    assert run_in.tasks[-1].deadline == "持续推进"
    assert run_in.tasks[-1].attribution_raw.endswith("整改时限：持续推进")


# Round 22 (branch genre22): d300–d306 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d301_dongchun_huozai_xinghao", ["县消防救援大队", "县住房城乡建设局", "县消防救援大队"]),
        ("d305_laji_fenlei_xinghao", ["市城市管理局", None, "市城市管理局"]),
    ],
)
def test_a_starred_unit_leads_under_a_note_saying_so(name, leads):
    # "（县消防救援大队*、县住房城乡建设局、…）" under "注：标*的为牵头单位。" (d301), "责任单位：
    # 市城市管理局*、…" over "注：责任单位中标注“*”的为牵头单位。" (d305): the star marks the
    # lead and is no part of a name; a starred collective (各区人民政府*) stays a collective
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [(m.lead or [None])[0] for m in plan.tasks[:3]] == leads
        assert not any("*" in u for m in plan.tasks for u in m.responsible + m.collectives)


@pytest.mark.parametrize("name", ["d301_dongchun_huozai_xinghao", "zhu_shouwei"])
def test_a_note_saying_who_leads_is_no_measure(name):
    # "注：标*的为牵头单位。" (d301) and "注：排在首位的为牵头单位。" (fixture
    # styles/zhu_shouwei.txt) on a line of their own under a heading: 为牵头单位 is the note's
    # predicate, no label opening an attribution
    plan = parse_path(_document_or_fixture(name))
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    assert all(m.lead for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "role", "units"),
    [
        (
            "d302_liangshi_tongze_tongshang",
            "lead",
            [["县农业农村局"]] * 3 + [["县自然资源局"]] + [["县发展改革局"]] * 3,
        ),
        ("d306_wuye_guanli_tongshang", "collectives", [[], [], *[["各街道办事处"]] * 4]),
    ],
)
def test_a_ditto_cell_repeats_the_units_of_the_row_above(name, role, units):
    # a 牵头单位 cell 同上 or 〃 (d302), a 配合单位 cell 〃 then 同上 (d306): the cell names
    # the units of the same column in the row above; the printed attribution keeps the mark
    plan = parse_path(_document_or_fixture(name))
    assert [getattr(m, role) for m in plan.tasks] == units
    assert any("〃" in m.attribution_raw for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("d300_laojiu_xiaoqu_yuanquan", [(1480, 2025), (1120, 2025), (660, 2025)]),
        ("qizhong_xiangzhen", [(260, 2025), (200, 2025), (140, 2025)]),
    ],
)
def test_the_places_parts_of_a_total_after_qizhong_are_targets(name, parts):
    # "…涉及居民3260户，其中城东街道改造1480户、城西街道改造1120户、河滨街道改造660户" (d300),
    # "改造农村危房600户，其中青石镇改造260户、…" (fixture styles/qizhong_xiangzhen.txt): each
    # place's part is a target of the total's year
    plan = parse_path(_document_or_fixture(name))
    assert [(t.value, t.year) for t in plan.tasks[0].targets][-3:] == parts


# round 23 (法治): d313–d318
ROUND_23_FAZHI = {f"d31{i}" for i in range(3, 9)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "d313_fazhi_ducha_jihua",
            {
                1: (["县委依法治县办"], []),
                3: (["县司法局"], ["县政务服务管理局"]),
                6: (["县司法局"], []),
                8: (["县委依法治县办"], ["县委督查室"]),
            },
        ),
        (
            "d318_fazhi_guanchayuan_jucuo",
            {2: (["区委依法治区办"], []), 3: (["区司法局"], []), 5: (["区司法局"], [])},
        ),
        (
            "guwen_kaohe_maohao",
            {2: (["县司法局"], []), 3: (["县政府办公室"], ["县财政局"]), 4: (["县司法局"], [])},
        ),
    ],
)
def test_a_line_of_units_closed_by_a_colon_opens_the_measures_under_it(name, expected):
    # "县司法局牵头，县政务服务管理局配合：" over "3.…" "4.…" (d313 under each section heading;
    # d318 and fixture styles/guwen_kaohe_maohao.txt under a chapter heading and between two
    # measures): the line names the units of the measures after it, not of the one above; the
    # measures' own objects (对县自然资源局…开展督察) are no units
    plan = parse_path_text(_document_or_fixture_text(name))
    got = {t.no: (t.lead, t.responsible) for t in plan.tasks}
    assert {no: got[no] for no in expected} == expected
    assert all("：" not in (t.attribution_raw or "") for t in plan.tasks)


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("d313_fazhi_ducha_jihua", ["第一季度", "第二季度", "第三季度", "第四季度"]),
        ("d318_fazhi_guanchayuan_jucuo", []),
        ("guwen_kaohe_maohao", []),
    ],
)
def test_a_line_of_units_closed_by_a_colon_run_in_still_opens_the_measures_under_it(name, titles):
    # printed run-in the line runs into the heading above it ("（一）第一季度县委依法治县办
    # 牵头：1.…", "二、考核实施县司法局负责：4.…") or the sentence end of the measure above it
    # ("…动态退出。区司法局牵头，各街道办事处配合：3.…": d318, the fixture): the heading ends
    # where its first unit opens, and the measures read it as printed, no "牵头：" label
    text = variants.run_in(_document_or_fixture_text(name))
    printed = parse_path_text(_document_or_fixture_text(name))
    plan = parse_path_text(text)
    assert [(t.lead, t.responsible, t.collectives) for t in plan.tasks] == [
        (t.lead, t.responsible, t.collectives) for t in printed.tasks
    ]
    assert [s.title for s in plan.sections][: len(titles)] == titles
    assert [c.title for c in plan.chapters] == [c.title for c in printed.chapters]


@pytest.mark.parametrize("name", ["peixun_kuohao_maohao", "jiandu_kuohao_maohao"])
@pytest.mark.parametrize("shape", [str, variants.run_in])
def test_a_line_of_units_closed_by_a_colon_after_a_bracket_opens_the_measures_below(name, shape):
    # "1.…印发。（县司法局牵头，…配合）" over "县财政局牵头：" over "2.…" "3.…" (fixtures
    # styles/peixun_kuohao_maohao.txt, jiandu_kuohao_maohao.txt in ASCII brackets): measure 1
    # keeps its bracket, the line names the units of the measures after it; it was dropped
    plan = parse_path_text(shape((FIXTURES / "styles" / f"{name}.txt").read_text("utf-8")))
    first, second, third = plan.tasks[:3]
    assert first.attribution_raw.startswith(first.lead[0])
    assert second.lead == third.lead == [("县财政局", "区司法局")[name != "peixun_kuohao_maohao"]]
    assert all(t.lead or t.collectives for t in plan.tasks)
    assert all("：" not in t.attribution_raw for t in plan.tasks)


@pytest.mark.parametrize(
    ("name", "title", "rows"),
    [
        ("d316_juece_shixiang_mulu", "桐川县2025年度重大行政决策事项目录", 5),
        ("d317_juece_mulu_xiangzhen", "云溪镇2025年度重大行政决策事项目录", 4),
    ],
)
def test_a_decision_list_one_cell_per_line_gives_its_rows_and_title(name, title, rows):
    # 序号 / 决策事项(名称) / 承办单位 / 完成时限 one cell per line (d316 with an empty line
    # between rows, under a covering notice; d317 right under its title): each row is a
    # measure its 承办单位 carries, and the header cells are no part of the title; printed
    # and run in (round 28: "序号决策事项承办单位完成时限1编制…（2021—2035年）县自然资源局2025年6月
    # 底前2…", the task cell ending in no sentence end)
    text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
    for plan in _printed_and_run_in(text):
        assert plan.title == title
        assert [t.no for t in plan.tasks] == list(range(1, rows + 1))
        assert all(t.responsible and not t.lead for t in plan.tasks)
        assert plan.tasks[-1].deadline.endswith("（长期坚持）") or rows == 5
        assert not any(t.text.endswith(("局", "室")) for t in plan.tasks)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("d315_yingshang_shixiang_ascii", '新河县法治化营商环境"十项举措"'),
        ("d318_fazhi_guanchayuan_jucuo", "青阳区深化基层法治观察员工作“八项举措”"),
    ],
)
def test_a_title_ending_in_its_quoted_kind(name, title):
    # …“八项举措” (d318) and …"十项举措" in ASCII quotes (d315): 举措 is a kind, and the
    # closing quote after it is part of the title
    plan = parse_path_text((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
    assert plan.title == title


@pytest.mark.parametrize(
    ("name", "sections"),
    [
        ("d314_tiaojie_siji_pingtai", ["一", "一", "一", "二", "二", "三", "三"]),
        ("fenjie_yishi_duanluo", ["一", "一", "二", "二"]),
    ],
)
def test_an_ordinal_glued_to_its_section_heading_run_in_opens_a_measure(name, sections):
    # "（二）做实乡镇调解站四是在各乡镇…（…）；五是…" (d314 printed run-in), "（二）系统培训三是
    # 依托…" (fixture styles/fenjie_yishi_duanluo.txt run in): the ordinal, numbered on across
    # sections, opens the section's first measure and is no part of its title
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == list(range(1, len(sections) + 1))
        assert [m.section for m in plan.tasks] == sections
        assert all("是" not in s.title for s in plan.sections)


# round 24 (法治): d330–d332
@pytest.mark.parametrize(
    ("name", "sections", "second"),
    [
        (
            "d330_fengqiao_jingyan_fangan",
            ["一", "二", "三"],
            (["县法院"], ["县司法局"], ["各乡镇"]),
        ),
        ("qianshou_biaoqian", ["一", "二"], (["县司法局"], ["县工业和信息化局", "县工商联"], [])),
    ],
)
def test_a_lead_tag_inside_a_label_list_leaves_the_measures_under_their_sections(
    name, sections, second
):
    # "责任单位：县法院（牵头）、县司法局" lines under 1. items (d330, fixture
    # styles/qianshou_biaoqian.txt): the （牵头） tag marks the lead inside the label's list, no
    # attribution of its own (counted, each such measure held two); and a （一） whose one
    # attribution closes its 1、 items ("（责任单位：各乡镇）") shares it with them: the 1. items
    # are the measures, the （一） their sections
    plan = parse_path(_document_or_fixture(name))
    assert [s.no for s in plan.sections] == sections
    assert all(t.section for t in plan.tasks)
    first = next(t for t in plan.tasks if t.section == "二")
    assert (first.lead, first.responsible, first.collectives) == second
    assert all(t.collectives and not t.lead for t in plan.tasks if t.section == "一")


# round 25 (法治): d333–d338
@pytest.mark.parametrize(
    ("name", "chapters", "first"),
    [
        (
            "d336_maodun_jiufen_yishang",
            ["一", "一", "一", "二", "二", "二", "三", "三"],
            (["县司法局"], ["县法院", "县检察院"], []),
        ),
        ("yaodian_xiaoshu_wudanwei", ["一", "一", "一", "二", "二", "三", "三"], ([], [], [])),
    ],
)
def test_decimal_items_under_numeral_chapters_naming_no_units_are_the_measures(
    name, chapters, first
):
    # "一、全面排查矛盾纠纷" over "1.1 组织…。" / "1.2 …" and a closing "以上工作由县司法局牵头，
    # 县法院、县检察院配合。" (d336), a 要点's 1.1 … 3.2 naming no units at all (fixture
    # styles/yaodian_xiaoshu_wudanwei.txt): with no bracket to choose the level, the decimal
    # items that carry sentences are the measures (none were found), numbered on
    plan = parse_path(_document_or_fixture(name))
    assert [m.no for m in plan.tasks] == list(range(1, len(chapters) + 1))
    assert [m.chapter for m in plan.tasks] == chapters
    assert all(not m.text[:1].isdigit() for m in plan.tasks)
    assert (plan.tasks[0].lead, plan.tasks[0].responsible, plan.tasks[0].collectives) == first


@pytest.mark.parametrize(
    ("name", "numbers", "sections"),
    [
        ("d334_caiiangquan_jizhun_diyi", [1, 2, 3, 4], []),
        ("d337_shequ_jiaozheng_diyi", [1, 2, 1, 2, 1, 2], ["一", "一", "二", "二", "三", "三"]),
        ("diyi_duanluo", [1, 2, 3], []),
    ],
)
def test_paragraphs_opened_by_di_yi_are_numbered_measures(name, numbers, sections):
    # "第一，全面清理现行裁量权基准。…（X牵头，Y配合；…）" (d334), "第一，严格落实…。" over a
    # "牵头单位：…　　配合单位：…" line and a 完成时限： line, restarting under each （一）
    # (d337), over 牵头单位： / 责任单位： lines (fixture styles/diyi_duanluo.txt): 第一， numbers
    # the measure as 一是 does, no part of its text nor its title; a 保障措施's 第一，… naming
    # no units is no measure
    plan = parse_path(_document_or_fixture(name))
    assert [m.no for m in plan.tasks] == numbers
    assert [m.section for m in plan.tasks if m.section] == sections
    assert all(m.lead and not m.text.startswith("第") for m in plan.tasks)
    assert all(m.chapter == "二" or name == "diyi_duanluo" for m in plan.tasks)
    assert all(not (m.title or "").startswith("第") for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "numbers", "sections"),
    [
        ("d337_shequ_jiaozheng_diyi", [1, 2, 1, 2, 1, 2], ["一", "一", "二", "二", "三", "三"]),
        ("diyi_jieduan", [1, 2, 3, 1, 2], ["一", "一", "一", "二", "二"]),
        ("diyi_duanluo", [1, 2, 3], []),
    ],
)
def test_di_yi_measures_printed_run_in_are_read_as_printed(name, numbers, sections):
    # Round 25 leftovers, run in: "（一）规范社区矫正执法第一，严格落实…。牵头单位：…完成时限：
    # 长期坚持第二，落实…" (d337), "（一）规范街面秩序第一，清理…。责任单位：…、镇市场监管所第二，
    # 整治…" (fixture styles/diyi_jieduan.txt), "…区城市管理局第二，推行…" (fixture
    # styles/diyi_duanluo.txt): 第一， glued to its section's heading opens the first measure,
    # and 第二， after a label line's value the next, restarting under each （一）
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    for plan in (printed, run_in):
        assert [m.no for m in plan.tasks] == numbers
        assert [m.section for m in plan.tasks if m.section] == sections
        assert all(not m.text.startswith("第") and "第二," not in m.text for m in plan.tasks)
    assert [m.responsible for m in run_in.tasks] == [m.responsible for m in printed.tasks]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("d323_neilao_zhili_fanwei", [("12个老旧小区雨污分流", 12.0, 2025)]),
        ("pianqu_shuliang", [("8个老旧小区改造", 8.0, 2025), ("3个口袋公园", 3.0, None)]),
    ],
)
def test_a_place_between_a_creation_verb_and_its_count_keeps_the_target(name, expected):
    # "2025年完成城东片区12个老旧小区雨污分流" (d323), "完成城南街道8个老旧小区改造" and
    # "建成滨河新区3个口袋公园" (fixture styles/pianqu_shuliang.txt): a short place phrase
    # (targets.toml place_endings) between the verb and the count, which counts the object
    # after it, quoted from the value
    plan = parse_path(_document_or_fixture(name))
    found = [(t.quote, t.value, t.year) for m in plan.tasks for t in m.targets if t.unit == "个"]
    assert all(target in found for target in expected)


@pytest.mark.parametrize(
    "name",
    [
        "qianshou_biaoqian",
        "zhenggai_qiantou_hangmo",
        "d182_huanbao_ducha_zhenggai",
        "d330_fengqiao_jingyan_fangan",
    ],
)
def test_lead_tags_in_label_lines_run_in_leave_the_measures_under_their_sections(name):
    # Round 25 leftovers, run in: "…联络点。责任单位：县司法局（牵头）、县工业和信息化局…"
    # (fixture styles/qianshou_biaoqian.txt, d330): a label after a sentence end opens its
    # line as printed, and its （牵头） tag is no attribution of its own; 1.–3. items each
    # after a sentence end, closed by one label line ("3.新建…2座。责任单位：…（牵头）、…":
    # d182, fixture styles/zhenggai_qiantou_hangmo.txt) are the measures of their (一)
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    assert [(m.no, m.section) for m in run_in.tasks] == [(m.no, m.section) for m in printed.tasks]
    assert [s.no for s in run_in.sections] == [s.no for s in printed.sections]
    assert [(m.lead, m.responsible) for m in run_in.tasks] == [
        (m.lead, m.responsible) for m in printed.tasks
    ]


# Round 24 leftovers (branch leftovers24): d330 and d321 run in, and their fixtures.


@pytest.mark.parametrize(
    ("name", "counts", "glued"),
    [
        ("d330_fengqiao_jingyan_fangan", [3, 3, 3], ["各乡镇"]),
        ("jiti_danwei_moduan", [2, 3, 2], ["各乡镇", "各行政村"]),
    ],
)
def test_a_number_after_a_collective_closing_a_units_line_opens_the_next_measure(
    name, counts, glued
):
    # "责任单位：县法院（牵头）、县司法局、各乡镇" over "2.健全…" (d330), "…县财政局、各乡镇" over
    # "2.推行…" and "…、各行政村" over "3.建立…" (fixture styles/jiti_danwei_moduan.txt): run
    # in, the collective runs into the next number (各乡镇2.健全…), which opens the next
    # measure as it does printed; and the 1、 items glued to their (一) heading, closed by one
    # bracket of units, stay the measures under it
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [s.no for s in plan.sections] == ["一", "二", "三"]
        assert [sum(t.section == s.no for t in plan.tasks) for s in plan.sections] == counts
        second = [t for t in plan.tasks if t.section == "二"]
        assert [c for t in second for c in t.collectives] == glued
        assert all(t.text.endswith("。") for t in plan.tasks)


@pytest.mark.parametrize(
    "name", ["d321_zhengwu_gongkai_qianzhi", "qianzhi_danwei_kongge", "jiaoyu_front"]
)
def test_brackets_before_numbers_run_in_stay_with_the_measure_after_them(name):
    # "…情况。【县财政局 县审计局】2.做好…" (d321), "…产区。〔镇经济发展办〕2.引导…" (fixture
    # styles/qianzhi_danwei_kongge.txt), "…评估。（牵头单位：县教育局；…）2.新建…" (fixture
    # styles/jiaoyu_front.txt) run in: the brackets lead their measures, as printed at a line
    # start (one stands between a heading and its first number, none closes a measure
    # before a heading), so each measure keeps its own units
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    units = [
        [(t.no, t.lead, t.responsible, t.collectives) for t in p.tasks] for p in (printed, run_in)
    ]
    assert units[1] == units[0]
    assert all("【" not in t.text and "〔" not in t.text for t in run_in.tasks)


@pytest.mark.parametrize(
    ("name", "bounds"),
    [
        (
            "qude_zhengshu",
            {
                1: ("其中取得职业技能等级证书的不少于800人", 800.0),
                3: ("取得电子商务师证书的达到100人以上", 100.0),
            },
        ),
        (
            "qude_zige",
            {
                1: ("取得法律职业资格的达到50人以上", 50.0),
                2: ("其中取得人民调解员等级证书的不少于1名", 1.0),
            },
        ),
    ],
)
def test_a_count_bound_after_a_qude_phrase_is_a_target(name, bounds):
    # "其中取得职业技能等级证书的不少于800人" (fixture styles/qude_zhengshu.txt),
    # "取得法律职业资格的达到50人以上" (fixture styles/qude_zige.txt): 取得…的 names whom the
    # bound counts, it reports no result, so the count is a target (>=) beside the measure's
    # other counts
    plan = parse_path(_document_or_fixture(name))
    for task in plan.tasks:
        if task.no in bounds:
            quote, value = bounds[task.no]
            found = [(t.quote, t.value, t.comparator) for t in task.targets]
            assert (quote, value, ">=") in found
            assert len(found) == 2


# Round 23 (branch genre23): d320–d321 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads", "titles"),
    [
        (
            "d320_yigongti_zhangtou",
            [*["县卫健局"] * 3, *["县医共体总医院"] * 3, *["县医保局"] * 2],
            ["提升基层医疗服务能力", "推进医共体内部一体化管理", "完善医共体保障机制"],
        ),
        (
            "zhangjie_qiantou_peihe",
            ["区民政局", "区民政局", "区卫健局", "区卫健局"],
            ["完善居家社区养老服务网络", "推进医养康养融合发展"],
        ),
    ],
)
def test_a_heading_bracket_naming_the_lead_leads_the_measures_under_it(name, leads, titles):
    # "（一）提升基层医疗服务能力（县卫健局牵头）" over measures closed by "（县人社局、县财政局
    # 配合）" (d320), "一、完善居家社区养老服务网络（区民政局牵头）" (fixture
    # styles/zhangjie_qiantou_peihe.txt): the heading's lead leads them, the bracket is no
    # part of its title, and a measure's own 配合 unit stays responsible
    plan = parse_path(_document_or_fixture(name))
    assert [m.lead[0] if m.lead else None for m in plan.tasks] == leads
    headings = plan.sections or plan.chapters
    assert [h.title for h in headings][: len(titles)] == titles
    assert all(m.responsible and not set(m.lead) & set(m.responsible) for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("d321_zhengwu_gongkai_qianzhi", ["县发改局"], ["各乡镇人民政府", "县直各部门"]),
        ("qianzhi_danwei_kongge", ["镇农业服务中心", "镇财政所"], ["镇人民政府", "镇邮政支局"]),
    ],
)
def test_bare_units_in_a_bracket_before_the_number_are_the_measures_units(name, first, last):
    # "【县财政局 县审计局】2.做好…" (d321), "〔镇农业服务中心 镇财政所〕1.新建…" (fixture
    # styles/qianzhi_danwei_kongge.txt): a bracket of unit names alone, parted by blanks or
    # 、, opening the line before the number, names that measure's units; the blank between
    # 人民政府 and 县… or 中心 and 镇… parts two units, no stray blank inside one
    plan = parse_path(_document_or_fixture(name))
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    assert all(m.attribution_raw and "【" not in m.text and "〔" not in m.text for m in plan.tasks)
    assert plan.tasks[0].responsible == first
    assert plan.tasks[-1].responsible + plan.tasks[-1].collectives == last


# Round 24 (branch genre24): d322–d326 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "numbers", "first"),
    [
        ("d325_gushu_mingmu_fenhao", [1, 2, 3, 4, 5, 6, 7], ["县林业局", "县自然资源局"]),
        ("kuohao_shuzi", [1, 2, 1, 2], ["镇农业服务中心", "镇财政所"]),
    ],
)
def test_parenthesised_number_characters_number_the_measures(name, numbers, first):
    # "⑴组织开展…（县林业局；…）" under （一） (d325), "⑴完成…" right under 一、 (fixture
    # styles/kuohao_shuzi.txt): ⑴–⒇ are (1)–(20) set as one character, printed or run in
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == numbers
        assert plan.tasks[0].responsible == first
        assert not any(m.text[:1] in "⑴⑵⑶⑷⑸⑹⑺" for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "titles"),
    [
        ("d326_fanzha_xuanchuan_diyi", ["推进反诈宣传进社区", "推进反诈宣传进校园"]),
        ("diyi_douhao", ["扩大汽车以旧换新", "推动家电以旧换新", "支持家装消费品换新"]),
    ],
)
def test_diyi_with_a_comma_numbers_the_measures(name, titles):
    # "第一，推进反诈宣传进社区。…（县公安局牵头，…）" at each line's start (d326, fixture
    # styles/diyi_douhao.txt): 第一， numbers a measure as 一是 does, and is no part of its
    # title; run in, the first one glued to its chapter's heading is found too
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert [m.title for m in plan.tasks][: len(titles)] == titles
        assert plan.tasks[0].lead and not plan.tasks[0].text.startswith("第一")


@pytest.mark.parametrize(
    ("name", "leads", "last_responsible"),
    [
        (
            "d323_neilao_zhili_fanwei",
            [*["县住建局"] * 3, *["县水务局"] * 2, "县应急管理局", "县城管局", "县应急管理局"],
            [],
        ),
        (
            "fanwei_xiangci",
            ["县水务局", "县水务局", "县住建局", "县水务局", "县水务局"],
            ["县卫健局", "县生态环境局"],
        ),
    ],
)
def test_a_line_naming_measures_by_number_gives_them_its_units(name, leads, last_responsible):
    # "以上第1至3项由县住建局牵头，县水务局、县城管局配合。" over "以上第4至5项由县水务局牵头，
    # 各街道办事处配合。" closing a chapter (d323), "上述第1、2项由…" and "上述第3项由…" (fixture
    # styles/fanwei_xiangci.txt): each names the units of the measures it numbers, not of
    # the measure above it, printed or run in (the line then ends that measure's text)
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.lead[0] if m.lead else None for m in plan.tasks] == leads
        assert plan.tasks[-1].responsible == last_responsible
        assert not any("以上第" in m.text or "上述第" in m.text for m in plan.tasks)
        assert not any("以上" in u or "上述" in u for m in plan.tasks for u in m.lead)


# Round 26 (法治) (branch fazhi26): d350–d354 and their fixture (tests/fixtures/styles).


def _printed_run_in_and_wrapped(text: str):
    yield from _printed_and_run_in(text)
    yield parse_path_text(variants.hard_wrapped(text))


@pytest.mark.parametrize(
    ("name", "first", "last_of_group"),
    [
        ("d350_shufa_zeren_qianzhi", ["县委依法治县办", "县委组织部"], 3),
        ("d353_peishenyuan_qianzhi_zhangjie", ["县司法局", "县法院", "县公安局"], 3),
    ],
)
def test_a_bracket_line_above_each_measure_is_its_attribution(name, first, last_of_group):
    # "（一）明确述法对象和方式" / "（责任单位：X、Y）" / "1.…" / "（责任单位：Z）" / "2.…" (d350
    # under (一) sections, d353 "（牵头单位：…；配合单位：…）" under 一、 chapters): each bracket
    # line is the units of the measure below it, the first right under the heading, so no
    # measure of no text, and the last of each group keeps its own; printed, run in and
    # hard-wrapped at 30
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert len(plan.tasks) == 8 and all(m.text for m in plan.tasks)
        assert [*plan.tasks[0].lead, *plan.tasks[0].responsible] == first
        assert plan.tasks[last_of_group - 1].attribution_raw


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d351_sanshu_yihan_shuxian", [*["县司法局"] * 4, "县委依法治县办", "县司法局"]),
        (
            "d354_falv_jin_qiye_shuxian",
            ["县司法局", "县司法局", "县应急管理局", "县司法局", "县工商联"],
        ),
    ],
)
def test_a_table_of_bar_rows_is_read_printed_run_in_and_wrapped(name, leads):
    # "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限" over "1 | … | 县司法局 | … | 2025年5月底前"
    # (d351, d354 with 活动内容): the rows are the measures; run in, each row's last cell glued
    # to the next row's number (2025年5月底前2 | 对…); hard-wrapped at 30, the header (30
    # characters) ends at the margin and is no part of the first row; the 保障措施 (一)(二)
    # after the table are provisions, "…约谈其主要负责人" naming no unit
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert [m.lead[0] for m in plan.tasks] == leads
        assert all(m.deadline for m in plan.tasks)
        assert not any("负责人" in u for m in plan.tasks for u in m.lead + m.responsible)


@pytest.mark.parametrize("name", ["d351_sanshu_yihan_shuxian", "d354_falv_jin_qiye_shuxian"])
def test_a_person_in_charge_closing_a_provision_is_no_attribution(name):
    # "（二）强化结果运用。…提请县委依法治县办约谈其主要负责人。" (d351), "…由县委依法治县办约谈其
    # 主要负责人。" (d354): 负责人 is a person, no units and their verb 负责, so the provision
    # is no measure of its own and the table's rows stay the measures
    text = _document_or_fixture_text(name)
    provisions = text[text.index("（一）加强组织领导") :]
    assert parse_path_text(provisions).tasks == [] or not any(
        m.attribution_raw and "负责人" in m.attribution_raw
        for m in parse_path_text(provisions).tasks
    )
    assert not any("负责人" in (m.attribution_raw or "") for m in parse_path_text(text).tasks)


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "d354_falv_jin_qiye_shuxian",
            ["县司法局", "县司法局", "县应急管理局", "县司法局", "县工商联"],
        ),
        ("huodong_neirong_biao", ["镇司法所", "镇司法所", "镇党政办"]),
    ],
)
def test_an_activity_column_holds_the_measures(name, leads):
    # 序号 | 活动内容 | 牵头单位 | 配合单位 | 完成时限 (d354 in " | " rows, fixture
    # styles/huodong_neirong_biao.txt tab-parted): 活动内容 is the content column
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.lead[0] for m in plan.tasks] == leads


# Round 25 (branch genre25): d327–d329, d340 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "titles", "leads"),
    [
        (
            "d329_chanjiao_ronghe_heidian",
            ["组建县域产教联合体", "建设共享实训基地"],
            ["县教育局", "县教育局", "县教育局", "县教育局", "县教育局", "县人社局"],
        ),
        ("heidian_bianhao", [None, None], ["县卫健局", "县教育局", "县卫健局", "县卫健局"]),
    ],
)
def test_a_bullet_before_every_measures_number_is_no_part_of_it(name, titles, leads):
    # "●1.组建县域产教联合体。…" (d329), "◆1．新建…" and "■3．开展…" (fixture
    # styles/heidian_bianhao.txt): the bullet is blanked as a key-task mark is, so the number
    # opens the measure; d329's inner "（1）…；（2）…；（3）…" stay in measure 2's text
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == list(range(1, len(leads) + 1))
        assert [m.title for m in plan.tasks][:2] == titles
        assert [m.lead[0] for m in plan.tasks] == leads
        assert not any(m.text[:1] in "●◆■" or m.text[:1].isdigit() for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "responsible", "deadlines"),
    [
        (
            "d340_xianyu_shangye_csv",
            ["县交通运输局", "县邮政分公司", "县供销社"],
            ["2025年12月底前", "2026年6月底前", "2026年12月底前"],
        ),
        ("csv_fengong", ["区市场监管局"], ["2025年9月底前", "2025年12月底前", "长期坚持"]),
        ("csv_fengong_xuhao", ["县农业农村局", "县水利局"], ["2025年11月底前", "2025年10月底前"]),
        ("csv_wuxuhao", ["县卫生健康委", "县医保局"], ["2025年10月底前", "2025年12月底前"]),
    ],
)
def test_a_task_table_exported_as_csv_lines_gives_its_rows(name, responsible, deadlines):
    # "序号,重点任务,牵头单位,配合单位,完成时限" over rows whose unit cell is quoted with inner
    # commas ("县交通运输局,县邮政分公司,县供销社": d340, "县农业农村局,县水利局": fixture
    # styles/csv_fengong_xuhao.txt), a header with no number column and quoted content cells,
    # a doubled quote inside ("…发展""一店多能""便民网点。": fixture styles/csv_fengong.txt):
    # each row is a measure, printed, hard-wrapped at 30 and run in, a table with no number
    # column too (round 28: "…完成时限区商务局,…,2025年9月底前区住建局,…", csv_fengong and
    # fixture styles/csv_wuxuhao.txt run in, the text after it keeping its ASCII comma)
    text = _document_or_fixture_text(name)
    copies = [text, variants.hard_wrapped(text), variants.run_in(text)]
    at = {"d340_xianyu_shangye_csv": 1, "csv_fengong": 0, "csv_fengong_xuhao": 2}.get(name, 1)
    for plan in map(parse_path_text, copies):
        assert [m.deadline for m in plan.tasks][: len(deadlines)] == deadlines
        assert plan.tasks[at].responsible == responsible
        texts = [m.text for m in plan.tasks]
        assert not any(t[:1] == '"' or '""' in t or "\t" in t or t[:2] == "1," for t in texts)
        assert name != "csv_fengong" or '发展"一店多能"便民网点' in texts[-1]
        assert name != "csv_wuxuhao" or len(texts) == 5


# Round 26 (branch genre26): d341, d342 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "responsible"),
    [
        (
            "d342_bianmin_shenghuoquan_weilie",
            [["县商务局"], ["县商务局", "县市场监管局"], ["县商务局", "县文旅局", "县体育中心"]],
        ),
        ("weilie_danwei", [["镇水务站"], ["镇水务站", "镇村建办"], ["镇卫生院", "镇水务站"]]),
    ],
)
def test_units_set_off_at_the_lines_end_by_a_gap_are_the_measures(name, responsible):
    # "1.开展…项目清单。        县商务局" (d342, fixture styles/weilie_danwei.txt): the units
    # after the gap are the measure's, its text ends at its sentence; printed, run in and
    # hard-wrapped at 30 (the wrap cuts a name: "…5个。        县商" over "务局、…")
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text))
    for plan in map(parse_path_text, copies):
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert len(plan.tasks) >= 4
        assert [m.responsible for m in plan.tasks][:3] == responsible
        assert all(m.text.endswith("。") for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "chapters", "goals", "year"),
    [
        (
            "d341_tuoyu_fuze_fangkuohao",
            ["扩大普惠托育服务供给", "强化政策支持保障", "提升托育服务质量", "组织实施"],
            [4.5, 60],
            2026,
        ),
        (
            "d343_wufei_chengshi_zhangjie",
            ["推动工业固体废物减量利用", "推进生活领域绿色低碳"],
            [85, 40],
            2027,
        ),
        ("fangkuohao_zhangjie", ["压实治理责任", "强化监督管理"], [78, 8], 2027),
    ],
)
def test_bracketed_chapter_numerals_head_chapters_under_a_goal_paragraph(
    name, chapters, goals, year
):
    # "【一】扩大普惠托育服务供给" over 1. measures, and "到2026年，…达到4.5个…" between the
    # purpose sentence and 【一】 with no heading (d341, fixture styles/fangkuohao_zhangjie.txt):
    # 【一】 numbers a chapter, the paragraph states the plan's goals; printed and run in
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [c.title for c in plan.chapters] == chapters
        assert plan.tasks[0].chapter == "一"
        assert [t.value for t in plan.targets] == goals
        assert all(t.year == year for t in plan.targets)


# Round 27 (branch genre27): d344 and its fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads", "deadlines"),
    [
        (
            "d344_gaobiaozhun_nongtian_tab",
            ["县农业农村局", "县农业农村局", "县水利局", "县农业农村局", "县水利局"],
            ["2025年10月底前", "2025年9月底前", "2025年11月底前", "2025年11月底前", "长期坚持"],
        ),
        (
            "leibie_biaotou_manhang",
            ["县农业农村局", "县商务局", "县交通运输局", "县商务局", "县市场监管局"],
            ["2025年10月底前", "2025年12月底前", "2025年11月底前", "2025年12月底前", "长期坚持"],
        ),
    ],
)
def test_a_category_tables_rows_stay_apart_wrapped_and_run_in(name, leads, deadlines):
    # 重点领域\t序号\t建设任务\t…\t完成时限, the category on its group's first row only (d344,
    # fixture styles/leibie_biaotou_manhang.txt): hard-wrapped at 30 the header reaches the
    # margin and does not run on into "田块整治\t1\t…"; run in a deadline cell glued to the
    # next category (2025年9月底前灌溉排水) ends at its deadline
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks][:5] == [1, 2, 3, 4, 5]
        assert [m.lead[0] for m in plan.tasks][:5] == leads
        assert [m.deadline for m in plan.tasks][:5] == deadlines
        assert not any("\t" in m.text or "序号" in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "responsible"),
    [
        ("renwu_leibie_yinshui", [["县生态环境局", "县水利局"], ["县生态环境局"], ["县水利局"]]),
        ("cuoshi_leixing_dianchi", [["区生态环境局"], ["区商务局"], ["区发展改革局"]]),
    ],
)
def test_a_category_column_named_with_a_content_word_is_read_past(name, responsible):
    # 任务类别\t序号\t工作任务\t… (fixture styles/renwu_leibie_yinshui.txt), 措施类型\t序号\t
    # 主要任务\t… (fixture styles/cuoshi_leixing_dianchi.txt): the first column, ending in 类别 /
    # 类型, is a category merged over its group, not the content column its 任务 / 措施 would
    # make it; the rows are the measures, printed, run in and hard-wrapped at 30
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5]
        assert [m.responsible for m in plan.tasks][:3] == responsible
        categories = ("水源保护", "工程建设", "运行管护", "回收网络", "梯次利用", "安全监管")
        assert all(m.text.endswith("。") for m in plan.tasks)
        assert not any(m.text.startswith(categories) for m in plan.tasks)


# Round 27 (法治) (branch fazhi27): d355, d356 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "deadlines"),
    [
        (
            "d356_fuzeren_chuting_yingsu",
            ["2025年6月30日前", "长期坚持", "2025年12月31日前", "长期坚持", "2025年12月31日前"],
        ),
        (
            "d357_fazhi_jiaoyu_jidi",
            ["2025年9月30日前", "2025年12月31日前", "2026年6月30日前", "长期坚持", "长期坚持"],
        ),
        ("shuiwu_cixiang_shixian", ["2025年9月底前", "长期坚持", "2025年12月31日前"]),
    ],
)
def test_a_closing_sentence_with_a_deadline_clause_is_the_attribution(name, deadlines):
    # "…逐案登记负责人出庭情况。此项工作由县司法局负责，2025年6月30日前完成。" / "…负责，长期坚持。"
    # (d356, fixture styles/shuiwu_cixiang_shixian.txt with 牵头…配合，2025年9月底前完成): the
    # closing sentence, deadline clause and all, is the attribution, no part of the text;
    # printed, run in and hard-wrapped at 30, the last measure's too where the signers follow
    # it with no blank line (d357 and the fixture hard-wrapped) or glued (run in)
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert [m.deadline for m in plan.tasks] == deadlines
        assert all(m.attribution_raw.startswith("此项工作由") for m in plan.tasks)
        assert not any("此项工作" in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "no"), [("d356_fuzeren_chuting_yingsu", 4), ("shuiwu_cixiang_shixian", 2)]
)
def test_a_time_limit_holds_no_recurring_duty(name, no):
    # "在规定期限内书面反馈" (d356), "在规定期限内处理巡查发现的问题" (fixture
    # styles/shuiwu_cixiang_shixian.txt): 规定期限 holds 定期 but is a time limit
    plan = parse_path_text(_document_or_fixture_text(name))
    assert plan.tasks[no - 1].recurring == []


# Round 28 (法治) (branch fazhi28): d358–d361 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("d359_baorong_shenshen_tongshang", None),  # its gold
        (
            "zhangjie_danhang_biao",
            [
                (1, ["县司法局"], [], ["各乡镇人民政府"]),
                (2, ["县司法局"], ["县财政局"], []),
                (3, ["县工商联"], ["县司法局"], []),
                (4, ["县司法局"], ["县司法局"], []),
            ],
        ),
    ],
)
def test_a_one_cell_per_line_table_under_a_heading_keeps_its_columns(name, expected):
    # "二、重点任务" (d359) / "一、主要任务" (fixture styles/zhangjie_danhang_biao.txt) over
    # 序号 / 工作任务 / 牵头单位 / …, one cell per line: the heading names a column word but is
    # no header cell (read as one, each row's cells moved a column); a 同上 or 〃 cell
    # repeats the row above's, also run in ("…。同上县商务局、县工商联持续推进3…",
    # "…。县司法局〃持续推进") and hard-wrapped at 30
    expected = expected or gold_units(name)
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert units(plan) == expected
        assert [m.chapter for m in plan.tasks] == ["二" if name[0] == "d" else "一"] * len(expected)
        assert not any(m.text in {"同上", "〃"} or m.text.startswith("县") for m in plan.tasks)


# Round 28 (branch leftovers26): CSV cells holding a line break; a table printed one cell per line.


def _csv_with_a_broken_cell(name: str) -> str:
    text = _document_or_fixture_text(name)
    if name != "d340_xianyu_shangye_csv":
        return text
    # (d340's sixth row with its task cell quoted over two lines, RFC 4180)
    row = "6,开展农村市场消费品质量安全监管，定期组织“三无”产品专项检查。"
    broken = '6,"开展农村市场消费品质量安全监管，推进\n定期组织“三无”产品专项检查完成。"'
    return text.replace(row, broken)


@pytest.mark.parametrize(
    ("name", "deadlines", "at", "responsible"),
    [
        (
            "d340_xianyu_shangye_csv",
            ["2025年12月底前", "2026年6月底前", *["2026年12月底前"] * 2, *["长期坚持"] * 2],
            5,
            ["县商务局"],
        ),
        (
            "csv_huanhang",
            ["2025年10月底前", "2025年11月底前", "2025年12月底前", "2025年9月底前"],
            2,
            ["镇妇联", "镇村建办"],
        ),
    ],
)
def test_a_quoted_csv_cell_holding_a_line_break_is_one_cell(name, deadlines, at, responsible):
    # '6,"开展…监管，推进' over '定期组织…完成。",县市场监管局,…' (d340 so printed), '3,"开展村庄
    # 清洁行动，…' over '评选""美丽庭院""示范户50户。",镇妇联,"镇村建办,' over '各村委会",…'
    # (fixture styles/csv_huanhang.txt): each row is one measure, its cells whole; printed,
    # hard-wrapped at 30 and run in
    text = _csv_with_a_broken_cell(name)
    for plan in _printed_run_in_and_wrapped(text):
        assert [m.deadline for m in plan.tasks] == deadlines
        assert plan.tasks[at].responsible == responsible
        assert plan.tasks[at].text.endswith(("完成。", "示范户50户。"))
        assert not any('"' in m.text[:1] + m.text[-1:] or '""' in m.text for m in plan.tasks)


def test_a_table_one_cell_per_line_run_in_with_two_unit_columns():
    # "序号工作任务牵头单位配合单位完成时限1新建…1个区民政局区住建局、区财政局2025年10月底前2…"
    # (fixture styles/danhang_minsheng.txt run in, task cells with no sentence end, as d316's
    # and d317's): the lead is the name before the 配合单位 cell's list, the task keeps none
    text = _document_or_fixture_text("danhang_minsheng")
    printed, run_in = (_row_fields(plan) for plan in _printed_and_run_in(text))
    assert [lead for _, _, lead, *_ in printed] == [["区民政局"], ["区住建局"], ["区卫生健康局"]]
    assert run_in == printed


def _row_fields(plan):
    return [(m.no, m.text, m.lead, m.responsible, m.collectives, m.deadline) for m in plan.tasks]


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "place_danhang_huaxi",
            ["桦溪县司法局", "县司法局", "桦溪县司法局", "县委组织部", "市司法局"],
        ),
        (
            "place_danhang_huaian",
            ["槐安区民政局", "区住建局", "槐安区教育局", "市生态环境局槐安分局"],
        ),
    ],
)
def test_a_table_one_cell_per_line_run_in_whose_units_print_their_place_or_another_level(
    name, leads
):
    # "…全过程记录制度桦溪县司法局桦溪县公安局、县市场监管局2026年10月底前" beside
    # "…文件清理县司法局县直各有关部门", "…交叉评查市司法局县直各行政执法部门" (round 29
    # leftovers: fixtures styles/place_danhang_huaxi.txt and place_danhang_huaian.txt run
    # in): a name printing the plan's own place (the title's 桦溪县, 槐安区) takes it along,
    # and a lead of another level (市司法局, 市生态环境局槐安分局) is a cell, not the task's
    text = _document_or_fixture_text(name)
    printed, run_in = (_row_fields(plan) for plan in _printed_and_run_in(text))
    assert [lead for _, _, (lead, *_), *_ in printed] == leads
    assert run_in == printed


def test_a_hard_break_inside_a_sentence_is_no_part_of_the_measure_text():
    # "…河道沟渠" / "开展地毯式集中清理，…" and "推行村收集、镇转运、" / "县处理模式，…" (d375,
    # its breaks at no wrap width) and "对老旧供水站、" / "输水管网实施改造，…" (fixture
    # styles/duanhang_juzhong.txt), printed or wrapped: the sentence reads whole; a bare
    # title over a field line (推进管护机制建设 / 具体措施：…) and sub-points keep their breaks
    expected = [t["text"] for t in gold("d375_huanwei_zhengjie_duanhang")["tasks"]]
    text = (DOCUMENTS / "d375_huanwei_zhengjie_duanhang.txt").read_text(encoding="utf-8")
    for copy in (text, variants.hard_wrapped(text)):
        assert [m.text for m in parse_path_text(copy).tasks] == expected
    fixture = (FIXTURES / "styles" / "duanhang_juzhong.txt").read_text(encoding="utf-8")
    for copy in (fixture, variants.hard_wrapped(fixture)):
        texts = [m.text for m in parse_path_text(copy).tasks]
        assert texts[0].startswith("实施供水工程改造。对老旧供水站、输水管网实施改造，")
        assert texts[2].count("\n") == 2 and texts[3].startswith("推进管护机制建设\n具体措施：")


# Round 30 (branch leftovers28): a party body printing its level inside its name.


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "yifazhi_danhang_xian",
            ["县委依法治县办", "县司法局", "县司法局", "县委组织部", "县委依法治县办"],
        ),
        (
            "yifazhi_danhang_shi",
            ["市委依法治市办", "市委政法委", "市公安局", "市委依法治市办", "市司法局"],
        ),
    ],
)
def test_a_table_one_cell_per_line_run_in_whose_unit_holds_its_level_inside(name, leads):
    # "…年度述法县委依法治县办县委组织部2026年12月底前", "…体系建设市司法局市委依法治市办…"
    # (fixtures styles/yifazhi_danhang_xian.txt and yifazhi_danhang_shi.txt run in): the 县
    # of 依法治县办 is the place the body governs, inside its name, and opens no unit cell
    text = _document_or_fixture_text(name)
    printed, run_in = (_row_fields(plan) for plan in _printed_and_run_in(text))
    assert [lead for _, _, (lead, *_), *_ in printed] == leads
    assert run_in == printed


# Round 28 (branch genre28): leftovers of rounds 27 and 28, d348, d349 and their fixtures
# (tests/fixtures/styles).


def _bar_copy(name: str) -> str:
    """A tab table's text with its cells joined by " | ", as a reader prints a table."""
    return _document_or_fixture_text(name).replace("\t", " | ")


@pytest.mark.parametrize(
    ("text", "leads", "deadlines"),
    [
        (
            _bar_copy("d344_gaobiaozhun_nongtian_tab"),
            ["县农业农村局", "县农业农村局", "县水利局", "县农业农村局", "县水利局"],
            ["2025年10月底前", "2025年9月底前", "2025年11月底前", "2025年11月底前", "长期坚持"],
        ),
        (
            _document_or_fixture_text("leibie_shuxian"),
            ["镇农业服务中心", "镇村镇建设服务中心", "镇综合行政执法队", "镇综合行政执法队"],
            ["2025年6月底前", "2025年10月底前", "2025年9月底前", "长期坚持"],
        ),
    ],
)
def test_a_category_column_of_a_bar_table_is_read_past(text, leads, deadlines):
    # 重点领域 | 序号 | 建设任务 | … (a " | " copy of d344), 整治类别 | 序号 | 工作任务 | …
    # (fixture styles/leibie_shuxian.txt), the category on its group's first row only: a row
    # under it (" | 2 | …") keeps its cells in their columns as printed; run in the group's
    # category glued to the deadline before it (2025年9月底前灌溉排水 | 3) is read past;
    # hard-wrapped at 30 an empty cell ("… |  | 2025年12") is no gap of page fields
    for plan in _printed_run_in_and_wrapped(text):
        assert [m.no for m in plan.tasks][: len(leads)] == list(range(1, len(leads) + 1))
        assert [m.lead[0] for m in plan.tasks][: len(leads)] == leads
        assert [m.deadline for m in plan.tasks][: len(leads)] == deadlines
        assert all(m.text.endswith("。") and "|" not in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("text", "no", "ending"),
    [
        (
            _document_or_fixture_text("zhangjie_danhang_biao").replace(
                "机制，扩大", "机制，逐步扩大"
            ),
            4,
            "逐步扩大法律援助覆盖面。",
        ),
        (_document_or_fixture_text("danhang_zheduan"), 2, "向周边居民错时开放。"),
    ],
)
def test_a_task_cell_past_the_only_margin_keeps_its_rest(text, no, ending):
    # a one-cell-per-line table whose one line past 30 characters is a task cell (a copy of
    # fixture styles/zhangjie_danhang_biao.txt with 31, fixture styles/danhang_zheduan.txt
    # with 32): hard-wrapped at 30 the cell's rest ("。", "放。") stands on a line of its own,
    # and nothing else tells the copy wrapped; it ends the task, no cell of its own
    plan = parse_path_text(variants.hard_wrapped(text))
    assert plan.tasks[no - 1].text.endswith(ending)
    assert all(m.lead and m.deadline and m.deadline[0] in "2长持" for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "texts"),
    [
        (
            "d349_yinshui_anquan_liangxing",
            {
                1: "实施供水工程改造，新建改造集中供水厂3座。\n更新改造老旧供水管网120公里。",
                5: "健全工程运行管护机制，落实统一运维。\n"
                "推行用水计量收费，水费收缴率达到90%以上。",
            },
        ),
        (
            "shuxian_liangduan",
            {
                1: "开展燃气经营企业安全检查。\n对全县燃气经营企业开展全覆盖检查。",
                2: "整治餐饮场所燃气安全隐患。\n督促餐饮经营单位安装燃气泄漏报警装置。",
            },
        ),
    ],
)
def test_a_bar_tables_task_cell_of_two_paragraphs_keeps_its_row(name, texts):
    # "1 | 实施…集中供水厂3座。" over "更新改造…120公里。 | 县水利局 | …" (d349), "1 | 开展…
    # 安全检查。" over "对全县…检查。 | 县住房城乡建设局 | …" (fixture styles/shuxian_liangduan):
    # a cell of two paragraphs prints its row over two lines; the row is one measure, its
    # cell keeping its line break as printed; run in, and hard-wrapped at 30, where the
    # second line reaches the margin and the next row's number cell opens the line after it
    plans = list(_printed_run_in_and_wrapped(_document_or_fixture_text(name)))
    for plan in plans:
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert all(m.lead and m.deadline for m in plan.tasks)
        assert {no: plan.tasks[no - 1].text.replace("\n", "") for no in texts} == {
            no: text.replace("\n", "") for no, text in texts.items()
        }
    assert all(plans[0].tasks[no - 1].text == text for no, text in texts.items())
    assert all(plans[2].tasks[no - 1].text == text for no, text in texts.items())


@pytest.mark.parametrize(
    ("name", "goals", "measures"),
    [
        ("d348_shuitu_baochi_liangzu", [42.0, 78.5, 100.0], {}),
        ("shuitu_pingfang", [15.6, 62.0], {1: [(None, 8.5, "平方公里", "=")]}),
    ],
)
def test_an_area_in_square_kilometres_is_a_target(name, goals, measures):
    # "新增水土流失治理面积42平方公里" (d348), "治理水土流失面积15.6平方公里" and
    # "完成坡面整治8.5平方公里" (fixture styles/shuitu_pingfang.txt): 平方公里 counts an area,
    # no 公里 (a length) after a bare 平方
    plan = parse_path_text(_document_or_fixture_text(name))
    assert [t.value for t in plan.targets] == goals
    assert plan.targets[0].unit == "平方公里"
    assert {no: targets(plan.tasks[no - 1]) for no in measures} == measures


# Round 29 (法治) (branch fazhi29): d362–d365 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "deadlines"),
    [
        ("d364_yicun_guwen_danweilie", ["每年12月底前", "2026年6月底前"]),
        ("meinian_qixian_lie", ["每年12月底前", "每年6月底前"]),
    ],
)
def test_each_years_due_date_closes_a_tab_row_run_in(name, deadlines):
    # "…不少于4场。\t每年12月底前县财政局*、县司法局\t…" (d364: 责任单位 | 任务内容 | 完成时限)
    # and "…活动。\t县司法局\t每年6月底前加强青少年法治教育\t…" (fixture
    # styles/meinian_qixian_lie.txt: 目标任务 first), a tab table with no 序号 printed run
    # in: each year's due date is a deadline cell, so the next row's first cell is parted
    # from it and the table goes on
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    assert len(run_in.tasks) == len(printed.tasks) >= 4
    assert units(run_in) == units(printed)
    assert [m.deadline for m in run_in.tasks if m.deadline in deadlines] == deadlines


@pytest.mark.parametrize(
    ("name", "issuer"),
    [
        ("d363_beian_shencha_wuzhang", "芩阳县人民政府办公室"),
        ("kuohao_moduan_qianshu", "沅湄县人民政府办公室"),
    ],
)
def test_a_signer_under_a_closed_bracket_at_the_margin_signs_the_plan(name, issuer):
    # "定期通报报备情况。（责任单位：县委依法治县办（牵头）、县司法局）" (d363) and "结果，定期
    # 更新。（责任单位：县司法局（牵头）、县市场监管局）" (fixture
    # styles/kuohao_moduan_qianshu.txt), each exactly 30 characters when hard-wrapped at 30:
    # a sentence closed by its whole attribution bracket ends its paragraph, so the signer
    # under it is no wrapped rest of the measure
    plan = parse_path_text(variants.hard_wrapped(_document_or_fixture_text(name)))
    assert plan.issuer == issuer
    assert plan.tasks[-1].responsible[-1] in {"县司法局", "县市场监管局"}


@pytest.mark.parametrize(
    ("name", "title", "count"),
    [
        ("d363_beian_shencha_wuzhang", "芩阳县2026年行政规范性文件备案审查工作要点", 8),
        ("zongti_yaoqiu_maohao", "汀泽县2026年政务诚信建设工作要点", 3),
    ],
)
def test_a_title_run_into_a_part_label_ends_before_it(name, title, count):
    # "…工作要点总体要求：坚持有件必备…" (d363) and "…工作要点指导思想：以制度建设为基础…"
    # (fixture styles/zongti_yaoqiu_maohao.txt) printed run in: a part's label and its colon
    # (metadata.toml part_labels) open the text under a title with no chapters
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert plan.title == title
        assert [m.no for m in plan.tasks] == list(range(1, count + 1))


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("d365_shewai_fazhi_yemei", ["市商务局", "市外办"]),
        ("yemei_qijian_kuohao", ["区住房城乡建设局"]),
    ],
)
def test_a_title_with_its_period_repeated_at_each_page_top_is_dropped(name, cut):
    # "— 2 —" / "岱州市涉外法治工作三年行动方案（2026—2028年）" (d365) and "— 3 —" /
    # "溪屿区老旧小区改造提升三年行动方案（2025—2027年）" (fixture
    # styles/yemei_qijian_kuohao.txt) inside a measure's text and inside its bracket: the
    # title's bracketed period is no clause, so the line is a running head, dropped with the
    # page number, printed, run in and hard-wrapped at 30 (where the head reaches the margin
    # and, closed by its bracket, leaves no rest on the next line)
    for plan in _printed_run_in_and_wrapped(_document_or_fixture_text(name)):
        assert not any("方案" in m.text for m in plan.tasks)
        assert plan.tasks[3].responsible == cut
        assert plan.tasks[1].text.endswith("服务。" if name[0] == "d" else "停车设施建设。")


# Round 30 (法治) (branch fazhi30): d366–d368 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize("name", ["duan_zhuti_lie", "duan_zhuti_shijian"])
def test_a_short_topic_cell_glued_to_the_deadline_name_run_in_is_a_row(name):
    # "…牵头单位\t完成时限宪法宣传\t组织开展…" (fixture styles/duan_zhuti_lie.txt) and
    # "…责任单位\t完成时间法律顾问\t为各村…" (styles/duan_zhuti_shijian.txt): a tab table
    # with no 序号 printed run in, its first topic cell four characters long, glued to the
    # header's last name; the header still ends at that name (tables._glued_short), so every
    # row keeps its units and deadline as printed
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    assert len(printed.tasks) >= 3
    assert units(run_in) == units(printed)
    assert [m.deadline for m in run_in.tasks] == [m.deadline for m in printed.tasks]


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("d366_zhifa_jiandu_zhuxie", (["县数据资源局"], ["县司法局"])),
        ("zhuze_biaowei_jieshu", (["县司法局"], ["县融媒体中心"])),
    ],
)
def test_a_closing_paragraph_run_into_a_tables_last_cell_ends_it(name, last):
    # "…\t县数据资源局\t县司法局各主责单位要于每年12月底前将…报县司法局。" (d366) and
    # "…\t县司法局\t县融媒体中心各主责单位要于2026年12月10日前将…" (fixture
    # styles/zhuze_biaowei_jieshu.txt) printed run in, or joined to the last row as a wrap
    # of its cell by a PDF layer (ragged): the closing paragraph's subject (各主责单位要)
    # ends the last row's last cell, and its date is no deadline of the row
    text = _document_or_fixture_text(name)
    printed = parse_path_text(text)
    for copy in (variants.run_in(text), variants.ragged_pdf(text)):
        plan = parse_path_text(copy)
        assert units(plan) == units(printed)
        assert (plan.tasks[-1].lead, plan.tasks[-1].responsible) == last
        assert plan.tasks[-1].deadline is None


# Round 31 (法治) (branch fazhi31): d369, d372 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "d369_sanxiang_zhidu_shouci",
            [
                ["县司法局"],
                ["县财政局", "县数据资源局"],
                ["县委依法治县办"],
                ["县人力资源和社会保障局"],
            ],
        ),
        (
            "zhuyu_yao_baozhang",
            [["市财政局"], ["市司法局", "市人力资源和社会保障局"], ["市委政法委"]],
        ),
    ],
)
def test_a_chapter_of_measures_led_by_their_first_words_is_kept(name, leads):
    # "三、保障措施 4.县司法局要加强…" (d369) and "二、保障措施 4.市财政局要将…" (fixture
    # styles/zhuyu_yao_baozhang.txt) after a chapter of bracketed measures: no bracket in the
    # chapter, yet each item opens with its unit as the subject of 要, so the chapter holds
    # measures, not provisions, and each is led by the units its clauses open with
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        bare = [m for m in plan.tasks if m.no > 3]
        assert [m.lead for m in bare] == leads
        assert not any(d.code == "provisions-not-measures" for d in plan.diagnostics)


# Round 32 (法治) (branch fazhi32): d376, d377 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("d376_falv_fuwu_pingtai_hebing", [["市司法局"]] * 3 + [["市民政局"]]),
        ("hebing_qiantou_zhehang", [["县司法局"]] * 3 + [["县文化广电旅游局"]] * 2),
    ],
)
def test_a_lead_cell_merged_over_rows_keeps_them_hard_wrapped(name, leads):
    # "2\t…配齐宣传栏和普法设施。" at the margin over "\t\t各乡镇人民政府\t2026年12月底前"
    # (fixture styles/hebing_qiantou_zhehang.txt; d376's rows 8 and 2–3 alike) hard-wrapped
    # at 30: the lead cell merged over the rows below its first is empty there, and the
    # row's rest keeps both tabs, so each row keeps its cells in place and the lead above
    text = _document_or_fixture_text(name)
    printed = parse_path_text(text)
    wrapped = parse_path_text(variants.hard_wrapped(text))
    assert [m.lead for m in printed.tasks][: len(leads)] == leads
    fields = [(m.lead, m.responsible, m.collectives, m.deadline) for m in wrapped.tasks]
    assert fields == [(m.lead, m.responsible, m.collectives, m.deadline) for m in printed.tasks]


@pytest.mark.parametrize(
    ("name", "quotes"),
    [
        ("d377_shifancun_fuhe_bufen", ["示范村（社区）复核覆盖率达到100%"]),
        ("fanwei_yu_mubiao", ["文件清理完成率达到100%", "清理结果公布率达到100%"]),
    ],
)
def test_a_heading_joining_the_goals_to_another_matter_names_them(name, quotes):
    # "第一部分　复核范围和目标" (d377) and "一、清理范围与目标" (fixture
    # styles/fanwei_yu_mubiao.txt): the heading ends with 目标 joined by 和 / 与 to the
    # plan's scope, so its paragraph states the plan's goals (by 2026). Printed run in: round
    # 33's test_a_goal_joining_heading_run_into_its_paragraph_still_names_the_goals.
    text = _document_or_fixture_text(name)
    for copy in (text, variants.hard_wrapped(text)):
        plan = parse_path_text(copy)
        assert [(t.quote, t.year) for t in plan.targets] == [(q, 2026) for q in quotes]


# Round 33 (法治) (branch fazhi33): d383 and its fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "numbers", "units"),
    [
        (
            "d383_pufa_zerenzhi_pingyi_shier",
            [10, 11],
            [
                (["县委依法治县办"], ["县委组织部", "县司法局"]),
                (["县委依法治县办"], ["县司法局", "县委督查室"]),
            ],
        ),
        (
            "qiantou_douhao_peihe",
            [1, 3],
            [
                (["县司法局"], ["县残联", "县老龄办"]),
                (["县法律援助中心"], ["县公安局", "县人民检察院"]),
            ],
        ),
    ],
)
def test_a_leads_bracket_after_a_clause_leaves_the_measure_to_its_last_bracket(
    name, numbers, units
):
    # "…在全县范围内通报（县委依法治县办牵头），通报情况抄送县委组织部。（配合单位：…）" (d383)
    # and "…“一窗通办”（县司法局牵头），对老年人…开通绿色通道。（配合单位：…）", "…工作机制
    # （县法律援助中心负责），保障…法律帮助（县公安局、县人民检察院配合）。" (fixture
    # styles/qiantou_douhao_peihe.txt): the first bracket names the lead of the clause before
    # its comma, the measure goes on to the bracket that closes it, and both give its units
    text = _document_or_fixture_text(name)
    for copy in (text, variants.run_in(text), variants.hard_wrapped(text)):
        tasks = {m.no: m for m in parse_path_text(copy).tasks}
        assert [(tasks[n].lead, tasks[n].responsible) for n in numbers] == units
        assert all(tasks[n].text.endswith("。") for n in numbers[:1])


@pytest.mark.parametrize(
    ("name", "quotes"),
    [
        ("d383_pufa_zerenzhi_pingyi_shier", ["县直执法单位普法责任清单公开率达到100%"]),
        ("d377_shifancun_fuhe_bufen", ["示范村（社区）复核覆盖率达到100%"]),
        ("fanwei_yu_mubiao", ["文件清理完成率达到100%", "清理结果公布率达到100%"]),
    ],
)
def test_a_goal_joining_heading_run_into_its_paragraph_still_names_the_goals(name, quotes):
    # "一、评议对象和目标评议对象为…。到2026年底，…达到100%。" (d383 run in), "复核范围和目标
    # 复核对象为…" (d377 run in) and "清理范围与目标清理对象为…。2026年9月底前，…" (fixture
    # styles/fanwei_yu_mubiao.txt run in): the joined ending within a printed line, no clause
    # break before it and a year after it, so the paragraph states the plan's goals
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    assert [(t.quote, t.year) for t in plan.targets] == [(q, 2026) for q in quotes]


# Round 29 (branch genre29): d308, d309, d319 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("d309_jineng_tisheng_fujianwei", [(1200.0, "人"), (300.0, "人")]),
        ("xinzeng_qude", [(300.0, "名")]),
    ],
)
def test_a_count_of_new_acquirers_is_a_target(name, found):
    # "新增取得职业资格证书或职业技能等级证书人员1200人，新增高技能人才300人" (d309's goals) and
    # "新增取得育婴员证书人员300名" (fixture styles/xinzeng_qude.txt, measure 1): 取得 after 新增
    # counts those who acquire, no result already reported, so the counts (and those after
    # them in the sentence) are targets
    plan = parse_path(_document_or_fixture(name))
    targets = plan.targets if name[0] == "d" else plan.tasks[0].targets
    values = [(t.value, t.unit) for t in targets]
    assert all(value in values for value in found)


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("d319_ranqi_zhengzhi_fendian", 5),
        ("cell_subpoints", 3),
        ("cell_subpoints_juhao", 3),
        ("cell_subpoints_wenlv", 4),
    ],
)
def test_numbers_inside_a_task_cell_are_its_sub_points(name, count):
    # "1\t排查整治燃气经营企业：1.全面排查…；2.依法取缔…\t县住房城乡建设局" (d319) and
    # "2\t提升政务服务网办水平：1.梳理…；2.推动…；3.定期…\t区政务服务数据管理局…" (fixture
    # styles/cell_subpoints.txt); after a sentence end, "1\t加强校园食品安全管理。1.落实…；2.…"
    # (round 29 leftovers: fixtures cell_subpoints_juhao.txt and cell_subpoints_wenlv.txt),
    # the row's number before the cell's tab. Printed and run in: a number between two tabs
    # is a part of the row's one measure, so the (一) paragraphs after the table stay
    # provisions, as they are after a table of plain cells (d340)
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [m.no for m in plan.tasks] == list(range(1, count + 1))
        assert plan.sections == []
        assert "；2." in plan.tasks[0].text or ";2." in plan.tasks[0].text


# Round 30 (branch genre30): d370, d371 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        (
            "d371_shuzi_zhengfu_wubiaotou",
            [
                "市政务服务中心",
                "市大数据局",
                "市大数据局",
                "市政务服务中心",
                "市委网信办",
                "市委组织部",
            ],
        ),
        (
            "wubiaotou_danhang",
            ["镇综合行政执法队", "镇村镇建设服务中心", "镇农业综合服务中心", "镇卫生院"],
        ),
    ],
)
def test_a_one_cell_per_line_table_without_its_header_row_gives_the_measures(name, leads):
    # "1" / "推进政务服务…40项。" / "市政务服务中心" / "市大数据局、市直各有关部门" /
    # "2025年12月底前" (d371) and "1" / "开展集镇环境卫生集中整治…。" / "镇综合行政执法队" /
    # "2025年5月底前" (fixture styles/wubiaotou_danhang.txt), printed and hard-wrapped:
    # the first row's cells name the columns (a task, one or two unit cells, a deadline),
    # so each row is a measure and the (一) items after the table stay provisions
    text = _document_or_fixture_text(name)
    for plan in (parse_path_text(text), parse_path_text(variants.hard_wrapped(text))):
        assert [m.lead[0] if m.lead else None for m in plan.tasks] == leads
        assert plan.tasks[0].deadline in ("2025年12月底前", "2025年5月底前")
        assert all(m.chapter == "二" for m in plan.tasks)
    # printed run in after "…分工如下：" (a 镇 unit cell too: round 29, leftovers27)
    run_in = parse_path_text(variants.run_in(text))
    assert [m.lead[0] for m in run_in.tasks] == leads


@pytest.mark.parametrize(
    "name",
    [
        "d366_zhifa_jiandu_zhuxie",
        "d45_keji_excel",
        "d245_chengshi_gengxin_xiangmu",
        "d297_fazhi_zhengfu_shifan_zhibiao",
    ],
)
def test_chapter_rows_of_a_tab_table_run_in_glued_to_the_cell_before(name):
    # "…\t各乡镇人民政府\t县司法局二、完善行政执法监督制度3\t制定…" (d366), "…完成时限一、强化企业
    # 科技创新主体地位\t\t\t\t1\t…" (d45), "…完成时限一、老旧小区改造1\t…" (d245) and
    # "…完成时限一、依法全面履行政府职能1\t…" (d297), printed run in (round 29 leftovers): a
    # short phrase between a cell's end and the next row's number (or the chapter row's
    # empty cells) is a chapter row, its rows under it as printed
    printed, run_in = _printed_and_run_in(_document_or_fixture_text(name))
    assert [(c.no, c.title) for c in run_in.chapters] == [(c.no, c.title) for c in printed.chapters]
    assert [m.chapter for m in run_in.tasks] == [m.chapter for m in printed.tasks]


def test_a_headless_table_run_in_opens_at_its_own_colon_not_a_ratio():
    # "…镇村两级资金按照1：1比例配套。三、任务分工各项任务分工如下：1组建…扑火机具。镇应急
    # 管理办公室镇财政所2026年3月底前2开展…" (round 29, fixture styles/zhen_wubiaotou_peitao
    # .txt run in): the ratio's "：1" opens no row (a digit before its colon); the next
    # colon's rows are the measures, their 镇 unit cells parted (镇应急管理办公室 | 镇财政所)
    text = _document_or_fixture_text("zhen_wubiaotou_peitao")
    for plan in _printed_and_run_in(text):
        assert [m.lead for m in plan.tasks] == [
            ["镇应急管理办公室"],
            ["镇综合行政执法队"],
            ["镇农业综合服务中心"],
            ["镇党政办公室"],
        ]
        assert [m.responsible for m in plan.tasks] == [
            ["镇财政所"],
            ["镇派出所"],
            ["镇林业站"],
            ["镇中心学校"],
        ]
        assert plan.tasks[0].text.startswith("组建镇级半专业扑火队")
        assert plan.tasks[0].deadline == "2026年3月底前"
        assert all(m.chapter == "三" for m in plan.tasks)


# Round 31 (branch genre31): d374, d378, d379 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        (
            "d374_xianyu_shangye_yihang",
            (["县商务局"], ["县交通运输局", "县供销社"], "2025年9月底前"),
            (["县商务局"], ["县发展改革局"], "2025年5月底前"),
        ),
        (
            "yihang_shixian",
            (["镇农业综合服务中心"], [], "2025年4月底前"),
            (["镇农业综合服务中心"], ["镇财政所"], "长期坚持"),
        ),
    ],
)
def test_one_line_of_fields_per_measure_ending_with_a_bare_shixian(name, first, last):
    # "1.任务：建设…统仓共配。  牵头：县商务局  配合：县交通运输局、县供销社  时限：2025年9月
    # 底前" (d374), "3.任务：建立…经费。  牵头：…  配合：镇财政所、各村民委员会  时限：长期坚持"
    # (fixture styles/yihang_shixian.txt): 时限 is a deadline field as 完成时限 is, so no unit;
    # printed, run in (its value runs into the next number) and hard-wrapped at 30 and 24 (a
    # line whose sentence ends before its fields is no row of page fields, and the wrap may
    # part the last label from its colon: "…经费。  牵头" over "：镇农业…")
    text = _document_or_fixture_text(name)
    copies = [text, variants.run_in(text), variants.hard_wrapped(text)]
    for plan in map(parse_path_text, [*copies, variants.hard_wrapped(text, 24)]):
        ends = [(m.lead, m.responsible, m.deadline) for m in (plan.tasks[0], plan.tasks[-1])]
        assert ends == [first, last]
        assert not any("时限" in unit for m in plan.tasks for unit in m.responsible)


def test_a_field_name_the_wrap_broke_before_its_shixian_is_one_field():
    # "…；完成" over "时限：2024年10月底前" (d142 hard-wrapped at 30): the line is the rest of
    # 完成时限, not a field line of its own, now that 时限 is a field
    text = (DOCUMENTS / "d142_zhou_fazhi_yaodian.txt").read_text(encoding="utf-8")
    plan = parse_path_text(variants.hard_wrapped(text))
    assert all("完成\n时限" not in (m.attribution_raw or "") for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "goals"),
    [
        ("d378_yiwu_jiaoyu_mubiao", [(2026, 5.3, "人"), (2026, 20, "%"), (2027, 99, "%")]),
        ("mubiao_liebiao", [(2025, 2.8, "平方米"), (2026, 12, "个")]),
    ],
)
def test_goals_numbered_under_the_goal_heading_before_measures_numbered_again(name, goals):
    # "一、主要目标" over "（一）到2026年，…达到5.3人以上。" "（二）…" (d378), "（一）到2025年底，
    # …2.8平方米以上。" (fixture styles/mubiao_liebiao.txt), then the measures numbered （一）
    # again under 二、重点任务: each clause of the list under the goal chapter opening with its
    # year states a goal, printed and run in
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [(t.year, t.value, t.unit) for t in plan.targets] == goals
        assert {m.chapter for m in plan.tasks} == {"二"}
        assert plan.sections == []


@pytest.mark.parametrize(
    ("name", "goals"),
    [
        ("d379_zhaoshang_gongjian_xiangmu", [(30, "个"), (80, "亿元"), (20, "个")]),
        ("quannian_mubiao", [(45, "亿元"), (20, "家")]),
    ],
)
def test_a_goal_heading_run_into_its_paragraph_opening_with_quannian(name, goals):
    # "一、攻坚目标全年新签约亿元以上项目30个，…" (d379 printed run-in), "一、攻坚目标全年实现外贸
    # 进出口总额45亿元，…" (fixture styles/quannian_mubiao.txt printed run-in): a one-year
    # plan's 全年 opens the goal paragraph as a year does
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert [(t.value, t.unit) for t in plan.targets] == goals


# Round 32 (branch genre32): d380–d382 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize("name", ["wuqianyan_xiaoyuan", "wuqianyan_jiti"])
@pytest.mark.parametrize("kind", ["重点任务", "实施方案", "工作要点"])
def test_a_dated_title_run_into_its_first_chapter_with_no_preamble(name, kind):
    # "青禾县2025年…整治重点任务一、主要任务（一）排查…" (fixture styles/wuqianyan_xiaoyuan.txt)
    # and "南溪镇2025年…发展重点任务一、重点任务1.盘活…" (styles/wuqianyan_jiti.txt) printed
    # run in: a title naming its year and ending in 重点任务 ends before the 一、 glued to it,
    # as one ending in 实施方案 or 工作要点 does, so the first chapter and measure stay
    text = _document_or_fixture_text(name).replace("重点任务\n", f"{kind}\n", 1)
    for plan in _printed_and_run_in(text):
        assert plan.title.endswith(kind)
        assert [m.no for m in plan.tasks] == [1, 2, 3]
        assert [c.no for c in plan.chapters] == ["一", "二"]
        assert {m.chapter for m in plan.tasks} == {"一"}


def test_a_plan_with_no_title_line_and_a_page_foot_before_a_bracket_line():
    # d380 opens at its preamble ("为贯彻落实《…》，…制定本方案。"): no title, no period, the
    # signer its issuer; "— 3 —" stands between measure 3 and its bracket line, which stays
    # the measure's, printed, run in and hard-wrapped
    text = (DOCUMENTS / "d380_gongjijin_wubiaoti.txt").read_text(encoding="utf-8")
    for plan in map(parse_path_text, (text, variants.run_in(text), variants.hard_wrapped(text))):
        assert (plan.title, plan.period) == (None, None)
        assert plan.issuer == "柳溪市住房公积金管理委员会办公室"
        third = plan.tasks[2]
        assert third.collectives == ["各区人民政府"]
        assert third.deadline == "2025年9月底前"
        assert "3" not in third.text


def test_one_collective_responsible_and_departments_helping_in_prose():
    # "…县直有关部门配合做好数据比对和技术指导。（责任单位：各镇人民政府；完成时限：2025年3月底
    # 前）" (d381 measures 1, 3 and 6): the prose names no units, the bracket one collective
    plan = parse(d381 := "d381_cesuo_geming_shudi")
    for measure in (plan.tasks[0], plan.tasks[2], plan.tasks[5]):
        assert (measure.lead, measure.responsible) == ([], [])
        assert measure.collectives == ["各镇人民政府"]
        assert "县直有关部门" in measure.text
    assert units(plan) == gold_units(d381)


def test_a_task_table_printing_its_deadline_column_first():
    # 序号 | 完成时限 | 工作任务 | 牵头单位 | 配合单位 (d382, tab-parted): the deadline before the
    # task, the lead and the supports after it
    plan = parse("d382_kehou_fuwu_shixianlie")
    assert [m.deadline for m in plan.tasks][:4] == [
        "2025年3月底前",
        "2025年6月底前",
        "2025年9月底前",
        "2025年7月底前",
    ]
    assert plan.tasks[5].deadline == "长期坚持"
    assert plan.tasks[0].text.startswith("制定课后服务实施细则")
    assert plan.tasks[3].collectives == ["各中小学校"]


@pytest.mark.parametrize(
    ("path", "copy"),
    [
        (DOCUMENTS / "d382_kehou_fuwu_shixianlie.txt", variants.ragged_pdf),
        (FIXTURES / "styles" / "tab_moge_duanhang.txt", variants.hard_wrapped),
    ],
)
def test_a_tab_row_broken_right_after_the_tab_before_its_last_cell(path, copy):
    # "6\t长期坚持\t…排查。\t区教育局\t" at the margin over "区公安分局、区卫生健康局" (d382 as a
    # ragged PDF layer), "3\t…入场经营。\t2025年5月底前\t县城市管理局\t" over "县公安局、县交通
    # 运输局" (fixture styles/tab_moge_duanhang.txt hard-wrapped at 30): the names are the
    # row's empty last cell, and the rows after it stay the table's
    printed, wrapped = as_printed_and(path, copy)
    assert len(printed.tasks) >= 4
    assert units(wrapped) == units(printed)


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("d382_kehou_fuwu_shixianlie", [(None, 60.0, "门", "=")]),
        ("kecheng_men", [(None, 40.0, "门", "="), (None, 10.0, "本", "=")]),
    ],
)
def test_courses_counted_in_men_are_targets(name, counts):
    # "开发体育、艺术、科普等特色课程60门" (d382 row 2), "新开设特色课程40门" (fixture
    # styles/kecheng_men.txt measure 2; its goal "课程总数达到150门以上" too)
    plan = parse_path_text(_document_or_fixture_text(name))
    assert targets(plan.tasks[1]) == counts


# Round 33 (branch genre33): d389, d390 and their fixture (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("d389_liangshi_zerenzhi_kaohe", (1, [], ["县自然资源局", "县农业农村局"], [])),
        ("fenzhi_kuohao", (1, ["县河长制办公室"], ["县水利局"], [])),
    ],
)
def test_a_measures_points_in_its_bracket_are_no_unit(name, first):
    # "（10分，责任单位：县自然资源局、县农业农村局）" (d389 measure 1), "（20分，牵头单位：
    # 县河长制办公室；责任单位：县水利局）" and "（责任单位：县教育局、县融媒体中心；10分）"
    # (fixture styles/fenzhi_kuohao.txt measures 1 and 4): a 考核 plan's points, no unit
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert units(plan)[0] == first
        assert not any(name.endswith("分") for m in plan.tasks for name in m.responsible)


# Round 35 (branch fazhi35): d394–d397 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("d397_fazhi_zhengfu_shengxuhao_biao", [1, 2, 3, 1, 2, 1, 2, 3]),
        ("shangji_xuhao_lie", [1, 2, 1, 2, 3]),
    ],
)
@pytest.mark.parametrize("copy", [str, variants.run_in, lambda t: variants.hard_wrapped(t, 30)])
def test_a_column_citing_the_higher_plans_items_leaves_the_rows_their_numbers(name, numbers, copy):
    # 序号 | 重点任务 | 省要点序号 | … (d397: "第3项", "第15项、第16项"), 序号 | 工作任务 |
    # 对应州方案序号 | … (fixture styles/shangji_xuhao_lie.txt: "第4条"): the second column
    # naming a number cites the higher plan; the rows keep their own numbers, 1 again under
    # each chapter row,
    # printed, run in ("…2025年底前二、健全依法行政制度体系1\t…") and wrapped at 30 (a row broken
    # right before its "\t第14项" cell)
    plan = parse_path_text(copy(_document_or_fixture_text(name)))
    assert [m.no for m in plan.tasks] == numbers
    assert len({m.chapter for m in plan.tasks}) == len([n for n in numbers if n == 1])
    assert all(m.lead for m in plan.tasks)


_ROW_REST = "设立维权信息告示牌，督促施工单位落实农民工工资专用账户制度。"
_FIXTURE_REST = "实现申请材料一次提交、审批结果网上告知。"


@pytest.mark.parametrize(
    ("name", "number", "rest", "responsible", "deadline"),
    [
        ("d394_pufa_qingdan_kuaye", 5, _ROW_REST, ["县人力资源和社会保障局"], "2025年底前"),
        ("xubiao_duanhang", 3, _FIXTURE_REST, ["州大数据中心", "州政务服务中心"], "2026年6月底前"),
    ],
)
@pytest.mark.parametrize("copy", [str, variants.run_in, lambda t: variants.hard_wrapped(t, 30)])
def test_a_table_row_cut_by_a_page_is_one_measure(name, number, rest, responsible, deadline, copy):
    # "5\t县人社局\t宣传…工地\t农民工、用工单位\t" over "— 2 —", "续表", the header printed
    # again, then "\t\t设立…。\t\t2025年底前" (d394); "3\t…开通申请入口，\t州司法局\t州大数据中心、"
    # over "- 2 -", the header, then "\t实现…告知。\t\t州政务服务中心\t2026年6月底前" (fixture
    # styles/xubiao_duanhang.txt): the rest's cells are the row's, no measure of their own
    plan = parse_path_text(copy(_document_or_fixture_text(name)))
    measure = plan.tasks[number - 1]
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    assert measure.text.endswith(rest) and "续表" not in measure.text
    assert (measure.responsible, measure.deadline) == (responsible, deadline)
    assert all("续表" not in (m.deadline or "") for m in plan.tasks)


@pytest.mark.parametrize("copy", [str, lambda t: variants.hard_wrapped(t, 30)])
def test_a_row_cut_by_a_page_under_the_header_printed_once_more(copy):
    # the fixture with one page break: its header printed again is no running head, and stands
    # between the row and its rest (printed run in, the table's header again ends the rows
    # read, as before)
    text = _document_or_fixture_text("xubiao_duanhang")
    text = text.replace("- 3 -\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n", "")
    plan = parse_path_text(copy(text))
    assert [m.no for m in plan.tasks] == list(range(1, 7))
    assert plan.tasks[2].text.endswith(_FIXTURE_REST)
    assert plan.tasks[2].responsible == ["州大数据中心", "州政务服务中心"]


@pytest.mark.parametrize(
    ("name", "number", "expected"),
    [
        (
            "d396_yifa_zhixian_yaodian_zhehang",
            6,
            (["县政协社会和法制委员会"], ["县委全面依法治县委员会办公室", "县司法局"]),
        ),
        (
            "zhengxie_weiyuanhui",
            3,
            (["市政协经济委员会"], ["市政协社会和法制委员会", "市营商环境建设局"]),
        ),
    ],
)
def test_a_cppcc_committee_named_with_he_is_one_unit(name, number, expected):
    # "牵头单位：县政协社会和法制委员会" (d396 measure 6), "市政协社会和法制委员会牵头" and "…配合"
    # (fixture styles/zhengxie_weiyuanhui.txt measures 1–3): 社会 ends like a name (in 会) and
    # names no body, so the 和 after it joins one name's words
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        measure = plan.tasks[number - 1]
        assert (measure.lead, measure.responsible) == expected
        assert not any(u.endswith("社会") for m in plan.tasks for u in m.lead + m.responsible)


# Round 34 (branch genre34): d388, d391–d393 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "second"),
    [
        (
            "d392_fangxun_hunhe_shixian",
            (["县水利局"], ["县应急管理局", "县住房城乡建设局"], "5月20日前"),
        ),
        ("xunqi_kuohao", (["县应急管理局"], [], "汛前")),
    ],
)
def test_a_bare_day_flood_season_or_condition_after_the_units_is_the_deadline(name, second):
    # "（县水利局牵头，县应急管理局、县住房城乡建设局配合；5月20日前）", "（县水利局负责；整个
    # 汛期）", "（…配合；视旱情）" (d392 measures 2, 5, 7), "（县应急管理局负责；汛前）",
    # "（…；主汛期）", "（…；视灾情）" (fixture styles/xunqi_kuohao.txt): no unit, the deadline
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        measure = plan.tasks[1]
        assert (measure.lead, measure.responsible, measure.deadline) == second
        assert all(m.lead or m.responsible for m in plan.tasks)
        assert "（" not in "".join(m.text for m in plan.tasks)
    deadlines = {m.deadline for m in parse_path_text(_document_or_fixture_text(name)).tasks}
    assert len(deadlines & {"汛后", "视旱情", "视灾情", "整个汛期", "主汛期"}) >= 2


@pytest.mark.parametrize(
    ("name", "cut", "text"),
    [
        (
            "d391_yanglao_jiaozhu_kuaye",
            3,
            "发展互助养老服务，在社区推广“时间银行”①互助养老模式，引导低龄健康老年人为高龄、"
            "独居老年人提供探访关爱服务，每月至少探访一次。",
        ),
        (
            "yejiao_zhushi",
            3,
            "建设城市运行“一网统管”②平台，整合城市管理、应急指挥、生态环境等领域数据，推进"
            "跨部门协同处置。",
        ),
    ],
    ids=["d391", "yejiao_zhushi"],
)
def test_footnotes_at_a_pages_foot_are_no_part_of_the_measure_the_page_cut(name, cut, text):
    # "…引导低龄健康老年人为" / "①“时间银行”：指…" / "— 2 —" / "高龄、独居老年人…" (d391
    # measure 3, and "②家庭养老床位：指…" under measure 6's bracket); "…推进跨部门" / a rule /
    # ① and ② notes, the second of two lines / "— 2 —" / "协同处置。（…）" (fixture
    # styles/yejiao_zhushi.txt measure 3): printed, run in and hard-wrapped
    source = _document_or_fixture_text(name)
    for copy in (str, variants.run_in, lambda t: variants.hard_wrapped(t, 30)):
        plan = parse_path_text(copy(source))
        assert plan.tasks[cut - 1].text.replace("\n", "") == text
        assert not any("：指" in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("d393_wenming_danyuange_huanhang", (4, ["县教育局"], ["团县委", "县妇联"], "长期坚持")),
        ("biaoge_qiantou_danyuange", (3, ["县医保局"], ["县公安局", "县市场监管局"], "长期坚持")),
    ],
)
def test_a_unit_cell_holding_its_own_labels_keeps_its_row_a_table_row(name, row):
    # "4\t未成年人思想道德建设\t推进…\t牵头：县教育局" over "配合：团县委、县妇联\t长期坚持"
    # (d393), "3\t开展…\t牵头单位：县医保局" over "配合单位：县公安局、县市场监管局\t长期坚持"
    # and one-line cells "牵头单位：X；配合单位：Y" (fixture styles/biaoge_qiantou_danyuange.txt):
    # the row is the measure (no number, category or tab in its text), printed and wrapped
    source = _document_or_fixture_text(name)
    for copy in (str, lambda t: variants.hard_wrapped(t, 30)):
        plan = parse_path_text(copy(source))
        measure = plan.tasks[row[0] - 1]
        assert (measure.no, measure.lead, measure.responsible, measure.deadline) == row
        assert not any("\t" in m.text or m.text[:1].isdigit() for m in plan.tasks)


def test_a_continued_table_after_a_page_number_keeps_its_rows():
    # "— 4 —", "续表" and the header printed again between rows 4 and 5 (d388, at once)
    plan = parse("d388_yibao_dip_xubiao")
    assert [m.no for m in plan.tasks] == list(range(1, 9))
    assert plan.tasks[4].deadline == "长期坚持" and plan.tasks[4].lead == ["县医保局"]
    assert plan.tasks[7].collectives == ["各定点医疗机构"]


# Round 31, leftovers (branch leftovers29): d398, d399 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "chapters"),
    [
        ("d368_yianshifa_wangluo", {"二": "深化以案释法", "三": "创新网络普法"}),
        ("d398_shipin_anquan_kaohe_wuhao", {"二": "夯实监管基础", "三": "严惩违法犯罪"}),
    ],
)
def test_a_title_sentence_run_into_a_descriptive_chapter_heading(name, chapters):
    # run in, "二、深化以案释法建立典型案例发布制度。各执法…发布。（…）推行…" (d368),
    # "二、夯实监管基础健全食品安全包保责任体系。…（…）" (d398): the first measure under each
    # chapter opens at its title's verb, as the others do, and the heading keeps the rest
    plan = parse_path_text(variants.run_in(_document_or_fixture_text(name)))
    expected = gold(name)["tasks"]
    assert [(m.title, m.text) for m in plan.tasks] == [(t["title"], t["text"]) for t in expected]
    assert {c.no: c.title for c in plan.chapters if c.no in chapters} == chapters


@pytest.mark.parametrize(
    ("name", "empty"),
    [
        ("d399_yingshang_huanjing_baozhengfu", {1: "县司法局", 3: "县司法局"}),
        ("bingbao_kongge", {1: "市司法局", 3: "市政府办公室"}),
    ],
)
def test_an_empty_unit_cell_after_a_task_sending_to_a_name_stays_empty(name, empty):
    # "…形成清理报告并报县政府" over 县司法局 and an empty 配合单位 cell (d399 rows 1 and 3,
    # 报送县委依法治县办), "…上报市政府", "…呈报市委" (fixture styles/bingbao_kongge.txt): run in,
    # the name the task sends to stays the task's, not the lead's
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        rows = {m.no: (m.lead, m.responsible) for m in plan.tasks if m.no in empty}
        assert rows == {no: ([lead], []) for no, lead in empty.items()}
        assert plan.tasks[0].text.endswith(("并报县政府", "上报市政府"))


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("d398_shipin_anquan_kaohe_wuhao", (3, ["州市场监管局"], [], [])),
        ("fenzhi_hanzi_kuohao", (2, [], ["县住房城乡建设局", "县市场监管局"], [])),
    ],
)
def test_points_in_chinese_numerals_in_a_bracket_are_no_unit(name, first):
    # "（十分，牵头单位：州市场监管局）" (d398 measure 3), "（十五分，责任单位：…）" and
    # "（责任单位：…；十分）" (fixture styles/fenzhi_hanzi_kuohao.txt): points, as 10分 is
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        assert units(plan)[first[0] - 1] == first
        assert not any(n.endswith("分") for m in plan.tasks for n in m.lead + m.responsible)


@pytest.mark.parametrize(
    ("name", "shared"),
    [
        (
            "d398_shipin_anquan_kaohe_wuhao",
            {
                1: (["州市场监管局"], ["州农业农村局"], ["县（市）市场监管局"]),
                5: (["州公安局"], ["州人民检察院"], ["县（市）人民检察院"]),
            },
        ),
        (
            "gongyong_qianzhui",
            {
                1: (["市应急管理局"], ["市消防救援支队"], ["县（市、区）应急管理局"]),
                2: (["市交通运输局"], ["市公安局"], ["县（市、区）公安局"]),
            },
        ),
    ],
)
def test_a_level_alone_shares_the_next_names_body(name, shared):
    # "州、县（市）市场监管局" (d398 measures 1 and 5), "市、县（市、区）应急管理局" (fixture
    # styles/gongyong_qianzhui.txt): the 州 (市) body of that name, and every county's
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in shared}
        assert found == shared


# wrap36: a table printed one cell per line, hard-wrapped, with only two lines at the margin


@pytest.mark.parametrize(
    ("name", "row", "parent"),
    [
        (
            "d399_yingshang_huanjing_baozhengfu",
            (3, ["县司法局"], []),
            "鹤汀县持续优化营商环境三年行动方案（2025—2027年）",
        ),
        (
            "danhang_shuming_zhehang",
            (3, ["镇农业综合服务中心"], []),
            "青岭县农村人居环境整治提升行动实施方案（2026—2028年）",
        ),
    ],
)
def test_two_lines_at_the_margin_one_parting_a_title_say_the_copy_is_wrapped(name, row, parent):
    # hard-wrapped at 30, "根据《…（2025—2027" over "年）》，现将…如下。" and a task cell
    # "…报送县委依法治县" over "办" (d399 row 3); "按照《…（2026—20" over "28年）》部署，…" and
    # "…党政综合办公" over "室" (fixture styles/danhang_shuming_zhehang.txt row 3): the copy is
    # wrapped, so the cell's rest joins its task (no unit 办 or 室) and the title stays whole
    text = _document_or_fixture_text(name)
    for plan in (parse_path_text(text), parse_path_text(variants.hard_wrapped(text, 30))):
        no, lead, responsible = row
        task = next(m for m in plan.tasks if m.no == no)
        assert (task.lead, task.responsible) == (lead, responsible)
        assert task.text.endswith(("依法治县办", "综合办公室"))
        assert plan.parents == [parent]


# Round 38 (法治) (branch fazhi38)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d405_gongan_pufa_qingdan_keshi",
            {
                1: ([], ["政治处", "法制大队"], []),
                3: ([], ["治安管理大队"], ["各派出所"]),
                7: (["治安管理大队"], [], ["各派出所"]),
                9: ([], ["国内安全保卫大队"], []),
            },
        ),
        (
            "zeren_keshi_lie",
            {
                1: ([], ["法规股", "执法监察大队"], []),
                3: (["执法监察大队"], [], ["各自然资源所"]),
                4: ([], ["不动产登记中心", "办公室"], []),
            },
        ),
    ],
)
def test_a_departments_list_gives_its_rows_to_its_sections(name, rows):
    # 序号 | 普法内容 | 普法对象 | 责任科室: the sections' column gives each row its units (d405,
    # fixture styles/zeren_keshi_lie.txt), the 普法对象 none ("县直各单位干部职工" no collective);
    # hard-wrapped at 30, a cell "…牵头，各派" over "出所配合" is one clause (d405 row 7,
    # the fixture's row 3 "…牵头，各" over "自然资源所配合")
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
        assert len(plan.tasks) == (9 if name.startswith("d405") else 4)
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d406_fazhi_xiangcun_sanji",
            {
                1: (["县司法局"], [], ["各乡镇人民政府", "村（社区）"]),
                4: (["县司法局", "县农业农村局"], [], ["各乡镇人民政府", "村（社区）"]),
                8: (
                    ["县委政法委"],
                    ["县法院", "县公安局", "县司法局"],
                    ["各乡镇综治中心", "村（社区）调委会"],
                ),
                9: (["县公安局"], [], ["各乡镇派出所", "村（社区）警务室"]),
            },
        ),
        (
            "cun_shequ_jigou",
            {
                1: (["县司法局"], [], ["各乡镇司法所", "村（社区）人民调解委员会"]),
                2: (["县委政法委"], [], ["各乡镇综治中心", "村（社区）网格服务站"]),
                3: (["县委政法委", "县公安局"], [], ["各乡镇人民政府", "村（社区）"]),
            },
        ),
    ],
)
def test_a_bare_village_class_opens_every_villages_body(name, rows):
    # "各乡镇综治中心、村（社区）调委会负责": 各 governs the village level too, so 村（社区）调委会
    # is every village's (a collective, as the bare 村（社区） is); "村（社区）抓好落实" names no
    # unit 村（社区）抓好 (d406, fixture styles/cun_shequ_jigou.txt)
    for plan in _printed_and_run_in(_document_or_fixture_text(name)):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d407_yifa_zhishi_yaodian_xiamu",
            {
                1: (["市委依法治市办"], ["市委宣传部", "市委组织部"]),
                4: (["市司法局"], ["市人大常委会法工委"]),
                7: (["市委宣传部"], ["市司法局"]),
            },
        ),
        (
            "fenggong_xiatong",
            {
                1: (["市委宣传部"], ["市司法局", "市教育局"]),
                2: (["市司法局"], ["市财政局"]),
                3: (["市发展改革委"], ["市中级法院", "市市场监管局"]),
            },
        ),
    ],
)
def test_a_first_is_lead_note_may_end_a_bracket_of_units_and_their_verb(name, rows):
    # "（市委依法治市办、市委宣传部、市委组织部按职责分工负责，排在第一位的为牵头单位，下同）":
    # the bracket names its units (the note after their verb is none) and the note makes
    # the first of every list from there on the lead (d407, fixture
    # styles/fenggong_xiatong.txt); the measure's text ends before the bracket
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible) for m in plan.tasks if m.no in rows}
        assert found == rows
        assert plan.tasks[0].text.endswith("。")


# Round 37 (branch genre37): d400–d403 and their fixtures (tests/fixtures/styles).


@pytest.mark.parametrize(
    ("name", "covered", "units", "left"),
    [
        ("d400_quanmin_jianshen_buzailiechu", range(1, 11), ["各县（市、区）人民政府"], []),
        ("buzai_liechu_zhangjie", range(1, 4), ["各乡镇人民政府"], [4, 5]),
    ],
)
def test_a_note_naming_units_not_listed_gives_them_to_the_items_above(name, covered, units, left):
    # "（以上任务均需各县（市、区）人民政府落实，不再列出）" after the last 【责任单位】 item of
    # 二、 (d400), "（上述任务均由各乡镇人民政府负责落实，不再一一列出）" after item 3 of 二、
    # (fixture styles/buzai_liechu_zhangjie.txt): each item of the chapter above the note
    # takes the collective after its own units; the next chapter's items do not. Run in, the
    # note ends the last item's units
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text))
    for plan in map(parse_path_text, copies):
        by_no = {m.no: m for m in plan.tasks}
        assert all(by_no[no].collectives == units for no in covered)
        assert all(by_no[no].collectives == [] for no in left)
        last = by_no[covered[-1]]
        assert last.responsible and not any("以上" in u or "上述" in u for u in last.responsible)
        assert any(d.code == "unlisted-units" for d in plan.diagnostics)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d403_shipin_wps_hebing_biaotou",
            {
                1: (["市市场监管局"], [], ["各县（市、区）人民政府"]),
                3: (["市市场监管局"], [], ["市食安委各成员单位"]),
                5: (["市市场监管局"], ["市卫生健康委"], ["各县（市、区）人民政府"]),
                6: (["市农业农村局"], ["市市场监管局"], []),
                10: (["市市场监管局"], ["市农业农村局"], []),
            },
        ),
        (
            "zerenfengong_liangceng",
            {
                2: (["县医保局"], ["县大数据中心"], []),
                3: (["县医保局"], ["县公安局", "县市场监管局"], []),
                5: (["县医保局"], ["县卫生健康局"], []),
            },
        ),
    ],
)
def test_a_header_over_two_lines_names_its_columns_by_bare_role_words(name, rows):
    # "序号\t重点任务\t责任单位\t\t完成时限" over "\t\t牵头\t配合\t" (d403), "…\t责任分工\t\t…"
    # over "\t\t主责\t协同\t" (fixture styles/zerenfengong_liangceng.txt): the lower line's
    # bare role words name the columns the upper cell spans (牵头单位 | 配合单位), printed,
    # run in (完成时限牵头 glued) and hard-wrapped (its edge tabs lost). Hard-wrapped, a row
    # whose merged deadline cell is empty lost its last tab, so its cells and the next row's
    # first line's add up to a row's: that line opens the next row (6\t加强…), no rest
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows
        assert all("\t" not in m.text and not m.text[-1:].isdigit() for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d402_anquan_shiwutiao_lingdao",
            {
                3: (["县应急管理局"], ["县工业和信息化局", "县市场监管局"]),
                5: (["县公安局"], ["县交通运输局", "县应急管理局"]),
                7: (["县住房城乡建设局"], ["县自然资源局"]),
                10: (["县应急管理局"], ["县自然资源局"]),
            },
        ),
        (
            "lingdao_kongge_zhehang",
            {
                1: (["县住房城乡建设局"], ["县商务局", "县消防救援大队"]),
                3: (
                    ["县住房城乡建设局"],
                    ["县发展改革局", "县财政局", "县水务局", "县城管局", "县自然资源局"],
                ),
            },
        ),
    ],
)
def test_a_unit_cell_broken_after_its_comma_or_mid_name_keeps_its_row_hard_wrapped(name, rows):
    # hard-wrapped at 30, "…\t县工业和信息化局、" over "县市场监管局" and "…\t县交通" over
    # "运输局、县应急管理局" (d402), "…县城管局、" over "县自然资源局" and "…县消防救援" over
    # "大队" after a collective (fixture styles/lingdao_kongge_zhehang.txt): no cell ends with
    # 、 nor with a place and a stub of a name, so the line is the cell's rest and the rows
    # below are read (a ragged copy of d402: "…县直有关部门、各乡" over "镇人民政府");
    # a 牵头领导 cell padded to three characters (张　军), broken at its blank, stays a
    # person's (no unit)
    text = _document_or_fixture_text(name)
    for plan in (parse_path_text(text), parse_path_text(variants.hard_wrapped(text, 30))):
        found = {m.no: (m.lead, m.responsible) for m in plan.tasks if m.no in rows}
        assert found == rows
        assert not any("军" in u or "强" in u for m in plan.tasks for u in m.responsible)


@pytest.mark.parametrize(
    ("name", "row", "units"),
    [
        ("d403_shipin_wps_hebing_biaotou", 5, ["市卫生健康委", "各县（市、区）人民政府"]),
        ("zerenfengong_liangceng", 2, ["县大数据中心"]),
    ],
)
def test_a_row_that_lost_its_empty_last_cell_ends_before_the_next_row_hard_wrapped(
    name, row, units
):
    # hard-wrapped at 30, "…\t市卫生健康委、各县（市、区）人民政府" (d403 row 5) and "…\t县医保局
    # \t县大数据中心" (fixture styles/zerenfengong_liangceng.txt row 2), their deadline cell
    # merged with the row above's and empty, lost its tab with the line's edge; the next line
    # "6\t加强…" opens with the following number and a task's sentence: the next row, not
    # this one's rest, so no unit takes its number (各县（市、区）人民政府6)
    plan = parse_path_text(variants.hard_wrapped(_document_or_fixture_text(name), 30))
    task = next(m for m in plan.tasks if m.no == row)
    assert [*task.responsible, *task.collectives] == units
    assert [m.no for m in plan.tasks] == list(range(1, len(plan.tasks) + 1))
    assert not any(u[-1:].isdigit() for m in plan.tasks for u in m.responsible + m.collectives)


@pytest.mark.parametrize(
    ("name", "copy", "row", "collectives"),
    [
        (
            "d402_anquan_shiwutiao_lingdao",
            variants.ragged_pdf,
            4,
            ["县直有关部门", "各乡镇人民政府"],
        ),
        ("lingdao_kongge_zhehang", variants.hard_wrapped, 1, ["县直有关部门"]),
    ],
)
def test_a_unit_cell_broken_after_a_collective_keeps_its_row(name, copy, row, collectives):
    # "…\t县直有关部门、各乡" over "镇人民政府" (d402 as a ragged PDF layer), "…\t县直有关部门、
    # 县商务局、县消防救援" over "大队" (fixture styles/lingdao_kongge_zhehang.txt hard-wrapped
    # at 30): the names before the cut may be collectives; the line completes the last name
    plan = parse_path_text(copy(_document_or_fixture_text(name)))
    task = next(m for m in plan.tasks if m.no == row)
    assert task.collectives == collectives
    assert len(plan.tasks) == len(parse_path_text(_document_or_fixture_text(name)).tasks)


# Round 40, leftovers (branch leftovers40): footnotes marked other than by a circled number


@pytest.mark.parametrize(
    ("name", "cut", "end"),
    [
        ("d408_wuzhangai_jiaozhu_fangkuohao", 2, "建立台账，限期整改到位。"),
        ("d408_wuzhangai_jiaozhu_fangkuohao", 5, "同步交付使用的，依法责令整改。"),
        ("yejiao_xinghao", 2, "推动涉农数据共享共用。"),
        ("yejiao_xinghao", 3, "带动周边农户应用智能装备。"),
    ],
    ids=["d408-brackets", "d408-label", "yejiao_xinghao-star", "yejiao_xinghao-label"],
)
def test_footnotes_marked_by_brackets_stars_or_a_label_at_a_pages_foot(name, cut, end):
    # "…限期整改" / "[1]“适老化+无障碍”：指…" / "[2]“随手拍”：指…" / "— 2 —" / "到位。（…）",
    # "…依法" / "注：本方案所称公共场所，…" / "— 3 —" / "责令整改。" (d408 measures 2 and 5);
    # "…推动涉农数据" / "＊县域“三农”数据平台：指…" / "— 2 —", "…应用智能" / "注1：…" / "— 3 —"
    # (fixture styles/yejiao_xinghao.txt): the notes are no part of the measure the page cut,
    # printed, run in and hard-wrapped
    source = _document_or_fixture_text(name)
    for copy in (str, variants.run_in, lambda t: variants.hard_wrapped(t, 30)):
        plan = parse_path_text(copy(source))
        assert plan.tasks[cut - 1].text.replace("\n", "").endswith(end)
        assert not any("：指" in m.text or "注" in m.text for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("d409_diming_biaoge_fangkuohao", 5),
        ("biaoge_zhushi", 3),
    ],
)
def test_notes_defining_a_term_after_table_rows_are_no_cells(name, rows):
    # "2\t实施“乡村著名行动”[1]，…\t…\t2025年11月底前" over "[1]“乡村著名行动”：指…。" (d409
    # rows 2 and 4); "1\t建设“城市书房”＊10个，…" over "＊“城市书房”：指…。" and ＊＊ (fixture
    # styles/biaoge_zhushi.txt): the note is not read into the row's last cell, nor cuts the
    # table, printed, run in and hard-wrapped
    source = _document_or_fixture_text(name)
    for copy in (str, variants.run_in, lambda t: variants.hard_wrapped(t, 30)):
        plan = parse_path_text(copy(source))
        assert [m.no for m in plan.tasks] == list(range(1, rows + 1))
        assert all(re.fullmatch(r"2025年\d{1,2}月底前", m.deadline or "") for m in plan.tasks)
        assert all(m.lead for m in plan.tasks)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("d410_jizhen_danhang_cunzhen", "镇村镇建设服务中心"),
        ("danhang_cunzhen", "乡乡镇企业服务站"),
        # (a task ending in the level's committee before a name of its level: "…按程序呈报市委
        # 市政府办公室", fixture styles/bingbao_kongge.txt run in, row 3)
        ("bingbao_kongge", "市政府办公室"),
    ],
)
def test_a_unit_cell_repeating_its_levels_word_opens_where_the_first_stands(name, unit):
    # "…建立排查整治台账镇村镇建设服务中心镇应急管理办公室2025年5月底前2…" and "…规范店招店牌
    # 设置镇镇容环境卫生所镇村镇建设服务中心…" (d410 run in), "…企业用工需求乡乡镇企业服务站
    # 乡社会事务办公室…" (fixture styles/danhang_cunzhen.txt run in): the name opens at the
    # first level's word (not 镇村 | 镇建设服务中心), every row as printed; the date the text
    # closes with, on the day the next row would be numbered ("…2025年3月6日" after 5 rows), is
    # no row's deadline
    text = _document_or_fixture_text(name)
    printed, run_in = parse_path_text(text), parse_path_text(variants.run_in(text))
    assert unit in {u for m in printed.tasks for u in m.lead + m.responsible}
    cells = [
        [(m.no, m.text, m.lead, m.responsible, m.deadline) for m in p.tasks]
        for p in (printed, run_in)
    ]
    assert cells[0] == cells[1]


# Round 39 (法治) (branch fazhi39)


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d414_fazhi_shehui_chengxiao",
            {
                1: (["区教育局"], ["区司法局", "区人民检察院", "区公安分局"], []),
                2: (["区司法局"], ["区农业农村局"], ["各街道办事处"]),
                4: (["区发展和改革局"], ["区人民法院", "区市场监督管理局"], []),
            },
        ),
        (
            "chengxiao_biaozhi",
            {
                1: (["县司法局"], ["县农业农村局", "县妇联"], []),
                2: (["县委宣传部"], ["县文化广电和旅游局"], ["各乡镇人民政府"]),
                3: (["县委政法委"], ["县人民法院", "县司法局"], []),
            },
        ),
    ],
)
def test_outcome_fields_under_the_labels_name_no_units(name, rows):
    # "责任单位：…" over "预期成效：…" and "完成标志：区教育局印发…" (d414), or 完成标志 before
    # 预期成效 (fixture styles/chengxiao_biaozhi.txt): the outcome fields end the unit list
    # even printed run in ("…区公安分局预期成效：青少年…") and name no unit though they
    # name one
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d413_yifa_zhixian_yixiang",
            {
                9: (["县委宣传部", "县司法局"], [], ["县普法依法治理领导小组各成员单位"]),
                10: (["县委宣传部", "县司法局"], [], ["县普法依法治理领导小组各成员单位"]),
                11: (["县司法局"], [], []),
            },
        ),
        (
            "fanwei_fenju",
            {
                2: (["市司法局"], ["市政务服务中心"], []),
                3: (["市委宣传部", "市司法局"], [], []),
                4: (["市司法局"], [], []),
                5: (["市司法局"], [], ["市直各行政机关"]),
            },
        ),
    ],
)
def test_a_range_line_gives_each_clause_after_a_semicolon_to_its_numbers(name, rows):
    # "以上第9、10项由X、Y牵头，Z负责；第11项由县司法局负责" (d413), "上述第4项由市司法局
    # 负责；第5项由…" (fixture styles/fanwei_fenju.txt): the clause after "；" names its own
    # measures, with 以上 said once for the line
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows


@pytest.mark.parametrize(
    ("name", "title", "rows"),
    [
        (
            "d412_sanxiang_zhidu_xingbiao",
            "澧阳市全面推行行政执法“三项制度”2027年任务清单",
            {
                1: (["市司法局"], ["市政务服务和大数据管理局"], ["市直各行政执法部门"]),
                3: (
                    ["市市场监督管理局", "市生态环境局"],
                    ["市交通运输局", "市城市管理综合执法局"],
                    [],
                ),
                4: ([], ["市司法局"], []),
                6: (["市档案馆"], ["市司法局"], ["市直各行政执法部门"]),
                8: (["市司法局"], [], ["市直各行政执法部门"]),
            },
        ),
        (
            "xinghao_qiantou",
            "石门县推进行政执法“三项制度”2027年重点任务清单",
            {
                1: (["县司法局"], ["县政务服务中心"], ["县直各行政执法部门"]),
                2: (["县司法局"], ["县人力资源和社会保障局"], []),
                3: (["县综合行政执法局", "县公安局"], ["县财政局", "县交通运输局"], []),
            },
        ),
    ],
)
def test_a_star_beside_a_unit_marks_the_lead(name, title, rows):
    # "责任单位：市司法局★、…（★为牵头单位）", "★市档案馆、…" (d412), "…（标注★的为牵头单位，
    # 下同）" (fixture styles/xinghao_qiantou.txt): the starred names lead, the note names
    # no unit; wrapped at 30 a line may open with the star ("★、市直各…"), which is no
    # bullet; run in, the title goes on past its quoted 制度 and year to 任务清单
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows
        assert plan.title == title


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        (
            "d411_shifan_sanji_zhibiao",
            {
                1: (["县委编办"], ["县司法局"], ["县政府各部门"]),
                2: (["县委编办"], [], ["各乡镇人民政府"]),
                3: (["县发展和改革局"], ["县市场监督管理局", "县司法局"], []),
                11: (["县司法局"], ["县人力资源和社会保障局"], []),
                13: (["县司法局"], ["县人民法院"], ["县政府各部门"]),
            },
        ),
        (
            "sanji_zhibiao_biao",
            {
                1: (["县委编办"], ["县人力资源和社会保障局"], []),
                2: (["县委编办"], [], ["各乡镇人民政府"]),
                4: (["县司法局"], [], ["县直各行政执法部门"]),
            },
        ),
    ],
)
def test_an_indicator_tables_last_level_rows_are_the_measures(name, rows):
    # 序号 | 一级指标 | 二级指标 | 三级指标（评估内容） | 牵头单位 | 责任单位 (d411),
    # 序号 | 一级指标 | 二级指标（分值） | 三级指标 | 牵头单位 | 配合单位 (fixture
    # styles/sanji_zhibiao_biao.txt):
    # a header cell's gloss in brackets keeps it a header, the upper levels (printed once,
    # empty below) are read past, a note under the table ends its last row run in, and
    # wrapped at 30 a single name cut mid-name ("县人力资源和社会" over "保障局") is joined
    text = _document_or_fixture_text(name)
    copies = (text, variants.run_in(text), variants.hard_wrapped(text, 30))
    for plan in map(parse_path_text, copies):
        found = {m.no: (m.lead, m.responsible, m.collectives) for m in plan.tasks if m.no in rows}
        assert found == rows
        assert len(plan.tasks) == (13 if name.startswith("d411") else 4)
