-- Emoji glued to a word split it from the word in the full-text index, as the search box
-- already splits them from what the user types (review: "acme🤬 nunca más" was not found by
-- "acme"). unicode61 classifies characters with Unicode 6.1's tables, where emoji encoded
-- later (🤬 🥺 🫠, the skin tones 🏻–🏿, …) were unassigned, and it keeps unassigned
-- code points inside tokens: "acme🤬" was stored as one word, which a search for "acme" does
-- not find ("🥺acme" not even "acme*"), while mentions-query.ts toFtsQuery, splitting on what
-- Node's own tables say is not a letter or digit, asked for "acme".
--
-- These 1,980 code points become separators: each one unicode61 (remove_diacritics 2) keeps
-- inside a word that Node 22's tables (Unicode 17) give Extended_Pictographic or
-- Emoji_Component (which holds the skin-tone modifiers), as hex ranges:
--   2139 23F8-23FA 1F02C-1F02F 1F094-1F09F 1F0AF-1F0B0 1F0C0 1F0D0 1F0F6-1F0FF 1F1AE-1F1E5
--   1F203-1F20F 1F23C-1F23F 1F249-1F24F 1F252-1F25F 1F266-1F2FF 1F321 1F324-1F32F 1F336
--   1F37D-1F37F 1F396-1F397 1F399-1F39B 1F39E-1F39F 1F3C5 1F3CB-1F3DF 1F3F3-1F3F5 1F3F7-1F3FF
--   1F43F 1F441 1F4F8 1F4FD 1F4FF 1F549-1F54E 1F56F-1F570 1F573-1F57A 1F587 1F58A-1F58D 1F590
--   1F595-1F596 1F5A4-1F5A5 1F5A8 1F5B1-1F5B2 1F5BC 1F5C2-1F5C4 1F5D1-1F5D3 1F5DC-1F5DE 1F5E1
--   1F5E3 1F5E8 1F5EF 1F5F3 1F5FA 1F641-1F644 1F6CB-1F6D2 1F6D5-1F6E5 1F6E9 1F6EB-1F6F0
--   1F6F3-1F6FF 1F7DA-1F7FF 1F80C-1F80F 1F848-1F84F 1F85A-1F85F 1F888-1F88F 1F8AE-1F8AF
--   1F8BC-1F8BF 1F8C2-1F8CF 1F8D9-1F8FF 1F90C-1F93A 1F93C-1F945 1F947-1F9FF 1FA58-1FA5F
--   1FA6E-1FAFF 1FC00-1FFFD
-- Found by indexing 'a' || char(cp) || 'b' for every code point with this tokenizer and
-- keeping those where 'a' is not a word of its own; tests/db/fts-emoji.test.ts repeats that
-- check against this table. Unassigned code points Unicode reserves as Extended_Pictographic
-- (1FC00-1FFFD and others) are in the list, so emoji encoded after Unicode 17 split too.
-- Emoji unicode61 already knew (😀 U+1F600, ❤ U+2764, ⭐ U+2B50), the regional indicators
-- of flags (1F1E6-1F1FF), ZWJ (200D), VS16 (FE0F), keycap (20E3) and tag characters
-- (E0020-E007F) were separators already. Letters are unchanged: 'añejo' is still one word
-- found by 'anejo'; ℹ (2139), a letter to Unicode and Extended_Pictographic, is the one
-- letter in the list (toFtsQuery splits on it too).
-- FTS5 reads the separators as UTF-8; the newlines in the list are separators already.
--
-- The index is built again from the mentions (external content) with the bulk load's
-- rebuild settings (bulk-load.ts REBUILD_FTS_CONFIG), then FTS5's defaults for later
-- writes, as 0014 did. On the 1M-mention bench workspace (43% of texts not plain ASCII) it
-- takes 1.3-1.9 s of CPU, the same as 0014's statements timed in turn on that file (1.3-1.8 s),
-- and the index keeps its 45 MB. The list costs each connection ~1.4 ms the first time it
-- uses the index (FTS5 sorts it into the tokenizer).

DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  text, title,
  content = 'mentions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2 separators ''
ℹ⏸⏹⏺🀬🀭🀮🀯🂔🂕🂖🂗🂘🂙🂚🂛🂜🂝🂞🂟🂯🂰🃀🃐🃶🃷🃸🃹🃺🃻🃼🃽🃾🃿🆮🆯🆰🆱🆲🆳
🆴🆵🆶🆷🆸🆹🆺🆻🆼🆽🆾🆿🇀🇁🇂🇃🇄🇅🇆🇇🇈🇉🇊🇋🇌🇍🇎🇏🇐🇑🇒🇓🇔🇕🇖🇗🇘🇙🇚🇛
🇜🇝🇞🇟🇠🇡🇢🇣🇤🇥🈃🈄🈅🈆🈇🈈🈉🈊🈋🈌🈍🈎🈏🈼🈽🈾🈿🉉🉊🉋🉌🉍🉎🉏🉒🉓🉔🉕🉖🉗
🉘🉙🉚🉛🉜🉝🉞🉟🉦🉧🉨🉩🉪🉫🉬🉭🉮🉯🉰🉱🉲🉳🉴🉵🉶🉷🉸🉹🉺🉻🉼🉽🉾🉿🊀🊁🊂🊃🊄🊅
🊆🊇🊈🊉🊊🊋🊌🊍🊎🊏🊐🊑🊒🊓🊔🊕🊖🊗🊘🊙🊚🊛🊜🊝🊞🊟🊠🊡🊢🊣🊤🊥🊦🊧🊨🊩🊪🊫🊬🊭
🊮🊯🊰🊱🊲🊳🊴🊵🊶🊷🊸🊹🊺🊻🊼🊽🊾🊿🋀🋁🋂🋃🋄🋅🋆🋇🋈🋉🋊🋋🋌🋍🋎🋏🋐🋑🋒🋓🋔🋕
🋖🋗🋘🋙🋚🋛🋜🋝🋞🋟🋠🋡🋢🋣🋤🋥🋦🋧🋨🋩🋪🋫🋬🋭🋮🋯🋰🋱🋲🋳🋴🋵🋶🋷🋸🋹🋺🋻🋼🋽
🋾🋿🌡🌤🌥🌦🌧🌨🌩🌪🌫🌬🌭🌮🌯🌶🍽🍾🍿🎖🎗🎙🎚🎛🎞🎟🏅🏋🏌🏍🏎🏏🏐🏑🏒🏓🏔🏕🏖🏗
🏘🏙🏚🏛🏜🏝🏞🏟🏳🏴🏵🏷🏸🏹🏺🏻🏼🏽🏾🏿🐿👁📸📽📿🕉🕊🕋🕌🕍🕎🕯🕰🕳🕴🕵🕶🕷🕸🕹
🕺🖇🖊🖋🖌🖍🖐🖕🖖🖤🖥🖨🖱🖲🖼🗂🗃🗄🗑🗒🗓🗜🗝🗞🗡🗣🗨🗯🗳🗺🙁🙂🙃🙄🛋🛌🛍🛎🛏🛐
🛑🛒🛕🛖🛗🛘🛙🛚🛛🛜🛝🛞🛟🛠🛡🛢🛣🛤🛥🛩🛫🛬🛭🛮🛯🛰🛳🛴🛵🛶🛷🛸🛹🛺🛻🛼🛽🛾🛿🟚
🟛🟜🟝🟞🟟🟠🟡🟢🟣🟤🟥🟦🟧🟨🟩🟪🟫🟬🟭🟮🟯🟰🟱🟲🟳🟴🟵🟶🟷🟸🟹🟺🟻🟼🟽🟾🟿🠌🠍🠎
🠏🡈🡉🡊🡋🡌🡍🡎🡏🡚🡛🡜🡝🡞🡟🢈🢉🢊🢋🢌🢍🢎🢏🢮🢯🢼🢽🢾🢿🣂🣃🣄🣅🣆🣇🣈🣉🣊🣋🣌
🣍🣎🣏🣙🣚🣛🣜🣝🣞🣟🣠🣡🣢🣣🣤🣥🣦🣧🣨🣩🣪🣫🣬🣭🣮🣯🣰🣱🣲🣳🣴🣵🣶🣷🣸🣹🣺🣻🣼🣽
🣾🣿🤌🤍🤎🤏🤐🤑🤒🤓🤔🤕🤖🤗🤘🤙🤚🤛🤜🤝🤞🤟🤠🤡🤢🤣🤤🤥🤦🤧🤨🤩🤪🤫🤬🤭🤮🤯🤰🤱
🤲🤳🤴🤵🤶🤷🤸🤹🤺🤼🤽🤾🤿🥀🥁🥂🥃🥄🥅🥇🥈🥉🥊🥋🥌🥍🥎🥏🥐🥑🥒🥓🥔🥕🥖🥗🥘🥙🥚🥛
🥜🥝🥞🥟🥠🥡🥢🥣🥤🥥🥦🥧🥨🥩🥪🥫🥬🥭🥮🥯🥰🥱🥲🥳🥴🥵🥶🥷🥸🥹🥺🥻🥼🥽🥾🥿🦀🦁🦂🦃
🦄🦅🦆🦇🦈🦉🦊🦋🦌🦍🦎🦏🦐🦑🦒🦓🦔🦕🦖🦗🦘🦙🦚🦛🦜🦝🦞🦟🦠🦡🦢🦣🦤🦥🦦🦧🦨🦩🦪🦫
🦬🦭🦮🦯🦰🦱🦲🦳🦴🦵🦶🦷🦸🦹🦺🦻🦼🦽🦾🦿🧀🧁🧂🧃🧄🧅🧆🧇🧈🧉🧊🧋🧌🧍🧎🧏🧐🧑🧒🧓
🧔🧕🧖🧗🧘🧙🧚🧛🧜🧝🧞🧟🧠🧡🧢🧣🧤🧥🧦🧧🧨🧩🧪🧫🧬🧭🧮🧯🧰🧱🧲🧳🧴🧵🧶🧷🧸🧹🧺🧻
🧼🧽🧾🧿🩘🩙🩚🩛🩜🩝🩞🩟🩮🩯🩰🩱🩲🩳🩴🩵🩶🩷🩸🩹🩺🩻🩼🩽🩾🩿🪀🪁🪂🪃🪄🪅🪆🪇🪈🪉
🪊🪋🪌🪍🪎🪏🪐🪑🪒🪓🪔🪕🪖🪗🪘🪙🪚🪛🪜🪝🪞🪟🪠🪡🪢🪣🪤🪥🪦🪧🪨🪩🪪🪫🪬🪭🪮🪯🪰🪱
🪲🪳🪴🪵🪶🪷🪸🪹🪺🪻🪼🪽🪾🪿🫀🫁🫂🫃🫄🫅🫆🫇🫈🫉🫊🫋🫌🫍🫎🫏🫐🫑🫒🫓🫔🫕🫖🫗🫘🫙
🫚🫛🫜🫝🫞🫟🫠🫡🫢🫣🫤🫥🫦🫧🫨🫩🫪🫫🫬🫭🫮🫯🫰🫱🫲🫳🫴🫵🫶🫷🫸🫹🫺🫻🫼🫽🫾🫿🰀🰁
🰂🰃🰄🰅🰆🰇🰈🰉🰊🰋🰌🰍🰎🰏🰐🰑🰒🰓🰔🰕🰖🰗🰘🰙🰚🰛🰜🰝🰞🰟🰠🰡🰢🰣🰤🰥🰦🰧🰨🰩
🰪🰫🰬🰭🰮🰯🰰🰱🰲🰳🰴🰵🰶🰷🰸🰹🰺🰻🰼🰽🰾🰿🱀🱁🱂🱃🱄🱅🱆🱇🱈🱉🱊🱋🱌🱍🱎🱏🱐🱑
🱒🱓🱔🱕🱖🱗🱘🱙🱚🱛🱜🱝🱞🱟🱠🱡🱢🱣🱤🱥🱦🱧🱨🱩🱪🱫🱬🱭🱮🱯🱰🱱🱲🱳🱴🱵🱶🱷🱸🱹
🱺🱻🱼🱽🱾🱿🲀🲁🲂🲃🲄🲅🲆🲇🲈🲉🲊🲋🲌🲍🲎🲏🲐🲑🲒🲓🲔🲕🲖🲗🲘🲙🲚🲛🲜🲝🲞🲟🲠🲡
🲢🲣🲤🲥🲦🲧🲨🲩🲪🲫🲬🲭🲮🲯🲰🲱🲲🲳🲴🲵🲶🲷🲸🲹🲺🲻🲼🲽🲾🲿🳀🳁🳂🳃🳄🳅🳆🳇🳈🳉
🳊🳋🳌🳍🳎🳏🳐🳑🳒🳓🳔🳕🳖🳗🳘🳙🳚🳛🳜🳝🳞🳟🳠🳡🳢🳣🳤🳥🳦🳧🳨🳩🳪🳫🳬🳭🳮🳯🳰🳱
🳲🳳🳴🳵🳶🳷🳸🳹🳺🳻🳼🳽🳾🳿🴀🴁🴂🴃🴄🴅🴆🴇🴈🴉🴊🴋🴌🴍🴎🴏🴐🴑🴒🴓🴔🴕🴖🴗🴘🴙
🴚🴛🴜🴝🴞🴟🴠🴡🴢🴣🴤🴥🴦🴧🴨🴩🴪🴫🴬🴭🴮🴯🴰🴱🴲🴳🴴🴵🴶🴷🴸🴹🴺🴻🴼🴽🴾🴿🵀🵁
🵂🵃🵄🵅🵆🵇🵈🵉🵊🵋🵌🵍🵎🵏🵐🵑🵒🵓🵔🵕🵖🵗🵘🵙🵚🵛🵜🵝🵞🵟🵠🵡🵢🵣🵤🵥🵦🵧🵨🵩
🵪🵫🵬🵭🵮🵯🵰🵱🵲🵳🵴🵵🵶🵷🵸🵹🵺🵻🵼🵽🵾🵿🶀🶁🶂🶃🶄🶅🶆🶇🶈🶉🶊🶋🶌🶍🶎🶏🶐🶑
🶒🶓🶔🶕🶖🶗🶘🶙🶚🶛🶜🶝🶞🶟🶠🶡🶢🶣🶤🶥🶦🶧🶨🶩🶪🶫🶬🶭🶮🶯🶰🶱🶲🶳🶴🶵🶶🶷🶸🶹
🶺🶻🶼🶽🶾🶿🷀🷁🷂🷃🷄🷅🷆🷇🷈🷉🷊🷋🷌🷍🷎🷏🷐🷑🷒🷓🷔🷕🷖🷗🷘🷙🷚🷛🷜🷝🷞🷟🷠🷡
🷢🷣🷤🷥🷦🷧🷨🷩🷪🷫🷬🷭🷮🷯🷰🷱🷲🷳🷴🷵🷶🷷🷸🷹🷺🷻🷼🷽🷾🷿🸀🸁🸂🸃🸄🸅🸆🸇🸈🸉
🸊🸋🸌🸍🸎🸏🸐🸑🸒🸓🸔🸕🸖🸗🸘🸙🸚🸛🸜🸝🸞🸟🸠🸡🸢🸣🸤🸥🸦🸧🸨🸩🸪🸫🸬🸭🸮🸯🸰🸱
🸲🸳🸴🸵🸶🸷🸸🸹🸺🸻🸼🸽🸾🸿🹀🹁🹂🹃🹄🹅🹆🹇🹈🹉🹊🹋🹌🹍🹎🹏🹐🹑🹒🹓🹔🹕🹖🹗🹘🹙
🹚🹛🹜🹝🹞🹟🹠🹡🹢🹣🹤🹥🹦🹧🹨🹩🹪🹫🹬🹭🹮🹯🹰🹱🹲🹳🹴🹵🹶🹷🹸🹹🹺🹻🹼🹽🹾🹿🺀🺁
🺂🺃🺄🺅🺆🺇🺈🺉🺊🺋🺌🺍🺎🺏🺐🺑🺒🺓🺔🺕🺖🺗🺘🺙🺚🺛🺜🺝🺞🺟🺠🺡🺢🺣🺤🺥🺦🺧🺨🺩
🺪🺫🺬🺭🺮🺯🺰🺱🺲🺳🺴🺵🺶🺷🺸🺹🺺🺻🺼🺽🺾🺿🻀🻁🻂🻃🻄🻅🻆🻇🻈🻉🻊🻋🻌🻍🻎🻏🻐🻑
🻒🻓🻔🻕🻖🻗🻘🻙🻚🻛🻜🻝🻞🻟🻠🻡🻢🻣🻤🻥🻦🻧🻨🻩🻪🻫🻬🻭🻮🻯🻰🻱🻲🻳🻴🻵🻶🻷🻸🻹
🻺🻻🻼🻽🻾🻿🼀🼁🼂🼃🼄🼅🼆🼇🼈🼉🼊🼋🼌🼍🼎🼏🼐🼑🼒🼓🼔🼕🼖🼗🼘🼙🼚🼛🼜🼝🼞🼟🼠🼡
🼢🼣🼤🼥🼦🼧🼨🼩🼪🼫🼬🼭🼮🼯🼰🼱🼲🼳🼴🼵🼶🼷🼸🼹🼺🼻🼼🼽🼾🼿🽀🽁🽂🽃🽄🽅🽆🽇🽈🽉
🽊🽋🽌🽍🽎🽏🽐🽑🽒🽓🽔🽕🽖🽗🽘🽙🽚🽛🽜🽝🽞🽟🽠🽡🽢🽣🽤🽥🽦🽧🽨🽩🽪🽫🽬🽭🽮🽯🽰🽱
🽲🽳🽴🽵🽶🽷🽸🽹🽺🽻🽼🽽🽾🽿🾀🾁🾂🾃🾄🾅🾆🾇🾈🾉🾊🾋🾌🾍🾎🾏🾐🾑🾒🾓🾔🾕🾖🾗🾘🾙
🾚🾛🾜🾝🾞🾟🾠🾡🾢🾣🾤🾥🾦🾧🾨🾩🾪🾫🾬🾭🾮🾯🾰🾱🾲🾳🾴🾵🾶🾷🾸🾹🾺🾻🾼🾽🾾🾿🿀🿁
🿂🿃🿄🿅🿆🿇🿈🿉🿊🿋🿌🿍🿎🿏🿐🿑🿒🿓🿔🿕🿖🿗🿘🿙🿚🿛🿜🿝🿞🿟🿠🿡🿢🿣🿤🿥🿦🿧🿨🿩
🿪🿫🿬🿭🿮🿯🿰🿱🿲🿳🿴🿵🿶🿷🿸🿹🿺🿻🿼🿽''',
  detail = none, columnsize = 0
);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 0);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 1048576);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 4);
