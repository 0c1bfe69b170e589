-- Words in the full-text index split exactly where the search box splits what the user types
-- (review: "acme🤬 nunca más" was not found by "acme"; "100₽" was not found by "100" either).
-- unicode61 classifies characters with Unicode 6.1's tables, and it keeps inside tokens the
-- code points unassigned there and private use: everything encoded later (emoji 🤬 🥺 🫠 and
-- the skin tones 🏻–🏿, symbols ₽ ₿ ₺ ⮕ 🞄 🬀, punctuation ⹂, combining marks, the bidi
-- isolates) stayed inside words, so "acme🤬" and "100₽" were stored as one word, while
-- mentions-query.ts toFtsQuery, using Node's own tables, asked for "acme" and "100".
--
-- One rule on both sides, checked for every code point U+0000-10FFFF (surrogates aside):
-- * a word is a run of what toFtsQuery calls word characters: letters and digits (\p{L}
--   \p{N}, Node 22's tables), private use (\p{Co}) and code points Node has unassigned
--   (\p{Cn}), except emoji (Extended_Pictographic), the 21 New Tai Lue/Vedic signs that are
--   letters to Node but marks to unicode61, and U+FFFE/U+FFFF (FTS5 reads them as U+FFFD);
--   the 25 combining diacritics that unicode61 always keeps inside a word and remove_diacritics
--   drops (in U+0300-0331) continue a word there too. FTS5 ignores them in a separators list.
-- * the separators below are every code point that plain unicode61 remove_diacritics 2 keeps
--   inside a word and that rule does not: 5,725 code points, 260 hex ranges (1,980 emoji,
--   with the skin tones and the reserved 1FC00-1FFFD, so emoji encoded after Unicode 17 split
--   too; 2,575 symbols; 221 punctuation; 919 combining marks; 30 format characters):
--   58D-58E 605 61C-61D 7FD-7FF 888 890-891 897-89F 8CA-8E3 8FF 9FD-9FE A76 AFA-AFF B55 C00
--   C04 C3C C77 C81 C84 CF3 D00-D01 D3B-D3C D4F D81 EBA ECE 1715 180F 1885-1886 1AB0-1ADD
--   1AE0-1AEB 1B4E-1B4F 1B7D-1B7F 1CF7-1CF9 1DE7-1DFB 2066-2069 20BA-20C1 2139 218A-218B
--   23F4-23FF 2427-2429 2700 2B4D-2B4F 2B5A-2B73 2B76-2BFF 2E3C-2E5D 2FFC-2FFF 31E4-31E5 31EF
--   32FF A69E A82C A8C5 A8FC A8FF A9E5 AA7C-AA7D AB5B AB6A-AB6B FBC2-FBD2 FD40-FD4F FD90-FD91
--   FDC8-FDCF FDFE-FDFF FE27-FE2F 1018C-1018E 1019C 101A0 102E0 10376-1037A 1056F 10877-10878
--   10AC8 10AE5-10AE6 10AF0-10AF6 10B99-10B9C 10D24-10D27 10D69-10D6E 10D8E-10D8F 10EAB-10EAD
--   10ED0-10ED8 10EFA-10EFF 10F46-10F50 10F55-10F59 10F82-10F89 11070 11073-11074 1107F 110C2
--   110CD 11145-11146 11173-11175 111C9-111CF 111DB 111DD-111DF 1122C-1123E 11241 112A9
--   112DF-112EA 11300-11303 1133B-1133C 1133E-11344 11347-11348 1134B-1134D 11357 11362-11363
--   11366-1136C 11370-11374 113B8-113C0 113C2 113C5 113C7-113CA 113CC-113D0 113D2 113D4-113D5
--   113D7-113D8 113E1-113E2 11435-11446 1144B-1144F 1145A-1145B 1145D-1145E 114B0-114C3 114C6
--   115AF-115B5 115B8-115D7 115DC-115DD 11630-11643 11660-1166C 116B9 1171D-1172B 1173C-1173F
--   1182C-1183B 11930-11935 11937-11938 1193B-1193E 11940 11942-11946 119D1-119D7 119DA-119E0
--   119E2 119E4 11A01-11A0A 11A33-11A39 11A3B-11A47 11A51-11A5B 11A8A-11A9C 11A9E-11AA2
--   11B00-11B09 11B60-11B67 11BE1 11C2F-11C36 11C38-11C3F 11C41-11C45 11C70-11C71 11C92-11CA7
--   11CA9-11CB6 11D31-11D36 11D3A 11D3C-11D3D 11D3F-11D45 11D47 11D8A-11D8E 11D90-11D91
--   11D93-11D97 11EF3-11EF8 11F00-11F01 11F03 11F34-11F3A 11F3E-11F4F 11F5A 11FD5-11FF1 11FFF
--   12474 12FF1-12FF2 13430-13440 13447-13455 1611E-1612F 16A6E-16A6F 16AF0-16AF5 16B30-16B3F
--   16B44-16B45 16D6D-16D6F 16E97-16E9A 16F4F 16F7F-16F87 16FE2 16FE4 16FF0-16FF1 1BC9C-1BCA3
--   1CC00-1CCEF 1CCFA-1CCFC 1CD00-1CEB3 1CEBA-1CED0 1CEE0-1CEF0 1CF00-1CF2D 1CF30-1CF46
--   1CF50-1CFC3 1D1DE-1D1EA 1D800-1DA8B 1DA9B-1DA9F 1DAA1-1DAAF 1E000-1E006 1E008-1E018
--   1E01B-1E021 1E023-1E024 1E026-1E02A 1E08F 1E130-1E136 1E14F 1E2AE 1E2EC-1E2EF 1E2FF
--   1E4EC-1E4EF 1E5EE-1E5EF 1E5FF 1E6E3 1E6E6 1E6EE-1E6EF 1E6F5 1E8D0-1E8D6 1E944-1E94A
--   1E95E-1E95F 1ECAC 1ECB0 1ED2E 1F02C-1F02F 1F094-1F09F 1F0AF-1F0B0 1F0BF-1F0C0 1F0D0
--   1F0E0-1F0FF 1F10D-1F10F 1F12F 1F16C-1F16F 1F19B-1F1E5 1F203-1F20F 1F23B-1F23F 1F249-1F24F
--   1F252-1F2FF 1F321-1F32F 1F336 1F37D-1F37F 1F394-1F39F 1F3C5 1F3CB-1F3DF 1F3F1-1F3FF 1F43F
--   1F441 1F4F8 1F4FD-1F4FF 1F53E-1F53F 1F544-1F54F 1F568-1F5FA 1F641-1F644 1F650-1F67F
--   1F6C6-1F6FF 1F774-1FB92 1FB94-1FBEF 1FBFA 1FC00-1FFFD
-- Found by indexing 'a' || char(cp) || 'b' for every code point with plain unicode61 and
-- keeping those where 'a' is not a word of its own, less what the rule keeps in words;
-- tests/db/fts-emoji.test.ts repeats that check against this table, and checks that this
-- index and toFtsQuery split 'acme' || char(cp) || 'zz' alike for every code point of planes
-- 0, 1 and 14 and every 61st of the others.
-- Private use and unassigned code points stay inside words on both sides because there are
-- ~952,000 of them: far too many for a separators list. The price: a symbol that a later Node
-- (newer Unicode) assigns would split the query and not the index; the test above fails then,
-- and the list has to grow, with another rebuild.
-- The 919 newer combining marks are separators, not kept in words by the query, because the
-- marks Unicode 6.1 knew (Devanagari vowel signs and virama, Arabic harakat, …) already split
-- words on both sides ("हिन्दी" is searched as its letters): a mark encoded later (Telugu
-- U+0C00, Kannada U+0CF3, the marks of scripts new since 6.1) now behaves as the older marks of
-- its script do. Keeping every mark inside words would serve those scripts better, but it
-- changes how all their text is tokenized: a decision of its own, and another rebuild.
-- Emoji unicode61 already knew (😀 U+1F600, ❤ U+2764), the regional indicators of flags, ZWJ
-- (200D), VS16 (FE0F), keycap (20E3) and tag characters were separators already. Letters are
-- unchanged: 'añejo' is still one word found by 'anejo'; ℹ (2139), a letter to Unicode and
-- Extended_Pictographic, is the one letter in the list.
-- FTS5 reads the separators as UTF-8 (22.6 KB here; the newlines are separators already) and
-- inserts each into a sorted array, scanning from its start, when a connection first uses the
-- index. The list is written from the highest code point down, so each insert stops at the
-- first element: in ascending order these 5,725 cost 7-17 ms per connection, in descending
-- order ~1 ms (no list: 0.1-0.2 ms; the 1,980 of the first version, ascending: 1.0-1.7 ms).
--
-- The index is built again from the mentions (external content) with the bulk load's
-- rebuild settings (bulk-load.ts REBUILD_FTS_CONFIG), then FTS5's defaults for later
-- writes, as 0014 did. On the 1M-mention bench workspace (43% of texts not plain ASCII) it
-- takes 1.3-1.5 s of CPU, the same as the first version of this list timed in turn on that
-- file (1.4-1.5 s), and the index keeps its 45 MB.

DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  text, title,
  content = 'mentions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2 separators ''
🿽🿼🿻🿺🿹🿸🿷🿶🿵🿴🿳🿲🿱🿰🿯🿮🿭🿬🿫🿪🿩🿨🿧🿦🿥🿤🿣🿢🿡🿠🿟🿞🿝🿜🿛🿚🿙🿘🿗🿖
🿕🿔🿓🿒🿑🿐🿏🿎🿍🿌🿋🿊🿉🿈🿇🿆🿅🿄🿃🿂🿁🿀🾿🾾🾽🾼🾻🾺🾹🾸🾷🾶🾵🾴🾳🾲🾱🾰🾯🾮
🾭🾬🾫🾪🾩🾨🾧🾦🾥🾤🾣🾢🾡🾠🾟🾞🾝🾜🾛🾚🾙🾘🾗🾖🾕🾔🾓🾒🾑🾐🾏🾎🾍🾌🾋🾊🾉🾈🾇🾆
🾅🾄🾃🾂🾁🾀🽿🽾🽽🽼🽻🽺🽹🽸🽷🽶🽵🽴🽳🽲🽱🽰🽯🽮🽭🽬🽫🽪🽩🽨🽧🽦🽥🽤🽣🽢🽡🽠🽟🽞
🽝🽜🽛🽚🽙🽘🽗🽖🽕🽔🽓🽒🽑🽐🽏🽎🽍🽌🽋🽊🽉🽈🽇🽆🽅🽄🽃🽂🽁🽀🼿🼾🼽🼼🼻🼺🼹🼸🼷🼶
🼵🼴🼳🼲🼱🼰🼯🼮🼭🼬🼫🼪🼩🼨🼧🼦🼥🼤🼣🼢🼡🼠🼟🼞🼝🼜🼛🼚🼙🼘🼗🼖🼕🼔🼓🼒🼑🼐🼏🼎
🼍🼌🼋🼊🼉🼈🼇🼆🼅🼄🼃🼂🼁🼀🻿🻾🻽🻼🻻🻺🻹🻸🻷🻶🻵🻴🻳🻲🻱🻰🻯🻮🻭🻬🻫🻪🻩🻨🻧🻦
🻥🻤🻣🻢🻡🻠🻟🻞🻝🻜🻛🻚🻙🻘🻗🻖🻕🻔🻓🻒🻑🻐🻏🻎🻍🻌🻋🻊🻉🻈🻇🻆🻅🻄🻃🻂🻁🻀🺿🺾
🺽🺼🺻🺺🺹🺸🺷🺶🺵🺴🺳🺲🺱🺰🺯🺮🺭🺬🺫🺪🺩🺨🺧🺦🺥🺤🺣🺢🺡🺠🺟🺞🺝🺜🺛🺚🺙🺘🺗🺖
🺕🺔🺓🺒🺑🺐🺏🺎🺍🺌🺋🺊🺉🺈🺇🺆🺅🺄🺃🺂🺁🺀🹿🹾🹽🹼🹻🹺🹹🹸🹷🹶🹵🹴🹳🹲🹱🹰🹯🹮
🹭🹬🹫🹪🹩🹨🹧🹦🹥🹤🹣🹢🹡🹠🹟🹞🹝🹜🹛🹚🹙🹘🹗🹖🹕🹔🹓🹒🹑🹐🹏🹎🹍🹌🹋🹊🹉🹈🹇🹆
🹅🹄🹃🹂🹁🹀🸿🸾🸽🸼🸻🸺🸹🸸🸷🸶🸵🸴🸳🸲🸱🸰🸯🸮🸭🸬🸫🸪🸩🸨🸧🸦🸥🸤🸣🸢🸡🸠🸟🸞
🸝🸜🸛🸚🸙🸘🸗🸖🸕🸔🸓🸒🸑🸐🸏🸎🸍🸌🸋🸊🸉🸈🸇🸆🸅🸄🸃🸂🸁🸀🷿🷾🷽🷼🷻🷺🷹🷸🷷🷶
🷵🷴🷳🷲🷱🷰🷯🷮🷭🷬🷫🷪🷩🷨🷧🷦🷥🷤🷣🷢🷡🷠🷟🷞🷝🷜🷛🷚🷙🷘🷗🷖🷕🷔🷓🷒🷑🷐🷏🷎
🷍🷌🷋🷊🷉🷈🷇🷆🷅🷄🷃🷂🷁🷀🶿🶾🶽🶼🶻🶺🶹🶸🶷🶶🶵🶴🶳🶲🶱🶰🶯🶮🶭🶬🶫🶪🶩🶨🶧🶦
🶥🶤🶣🶢🶡🶠🶟🶞🶝🶜🶛🶚🶙🶘🶗🶖🶕🶔🶓🶒🶑🶐🶏🶎🶍🶌🶋🶊🶉🶈🶇🶆🶅🶄🶃🶂🶁🶀🵿🵾
🵽🵼🵻🵺🵹🵸🵷🵶🵵🵴🵳🵲🵱🵰🵯🵮🵭🵬🵫🵪🵩🵨🵧🵦🵥🵤🵣🵢🵡🵠🵟🵞🵝🵜🵛🵚🵙🵘🵗🵖
🵕🵔🵓🵒🵑🵐🵏🵎🵍🵌🵋🵊🵉🵈🵇🵆🵅🵄🵃🵂🵁🵀🴿🴾🴽🴼🴻🴺🴹🴸🴷🴶🴵🴴🴳🴲🴱🴰🴯🴮
🴭🴬🴫🴪🴩🴨🴧🴦🴥🴤🴣🴢🴡🴠🴟🴞🴝🴜🴛🴚🴙🴘🴗🴖🴕🴔🴓🴒🴑🴐🴏🴎🴍🴌🴋🴊🴉🴈🴇🴆
🴅🴄🴃🴂🴁🴀🳿🳾🳽🳼🳻🳺🳹🳸🳷🳶🳵🳴🳳🳲🳱🳰🳯🳮🳭🳬🳫🳪🳩🳨🳧🳦🳥🳤🳣🳢🳡🳠🳟🳞
🳝🳜🳛🳚🳙🳘🳗🳖🳕🳔🳓🳒🳑🳐🳏🳎🳍🳌🳋🳊🳉🳈🳇🳆🳅🳄🳃🳂🳁🳀🲿🲾🲽🲼🲻🲺🲹🲸🲷🲶
🲵🲴🲳🲲🲱🲰🲯🲮🲭🲬🲫🲪🲩🲨🲧🲦🲥🲤🲣🲢🲡🲠🲟🲞🲝🲜🲛🲚🲙🲘🲗🲖🲕🲔🲓🲒🲑🲐🲏🲎
🲍🲌🲋🲊🲉🲈🲇🲆🲅🲄🲃🲂🲁🲀🱿🱾🱽🱼🱻🱺🱹🱸🱷🱶🱵🱴🱳🱲🱱🱰🱯🱮🱭🱬🱫🱪🱩🱨🱧🱦
🱥🱤🱣🱢🱡🱠🱟🱞🱝🱜🱛🱚🱙🱘🱗🱖🱕🱔🱓🱒🱑🱐🱏🱎🱍🱌🱋🱊🱉🱈🱇🱆🱅🱄🱃🱂🱁🱀🰿🰾
🰽🰼🰻🰺🰹🰸🰷🰶🰵🰴🰳🰲🰱🰰🰯🰮🰭🰬🰫🰪🰩🰨🰧🰦🰥🰤🰣🰢🰡🰠🰟🰞🰝🰜🰛🰚🰙🰘🰗🰖
🰕🰔🰓🰒🰑🰐🰏🰎🰍🰌🰋🰊🰉🰈🰇🰆🰅🰄🰃🰂🰁🰀🯺🯯🯮🯭🯬🯫🯪🯩🯨🯧🯦🯥🯤🯣🯢🯡🯠🯟
🯞🯝🯜🯛🯚🯙🯘🯗🯖🯕🯔🯓🯒🯑🯐🯏🯎🯍🯌🯋🯊🯉🯈🯇🯆🯅🯄🯃🯂🯁🯀🮿🮾🮽🮼🮻🮺🮹🮸🮷
🮶🮵🮴🮳🮲🮱🮰🮯🮮🮭🮬🮫🮪🮩🮨🮧🮦🮥🮤🮣🮢🮡🮠🮟🮞🮝🮜🮛🮚🮙🮘🮗🮖🮕🮔🮒🮑🮐🮏🮎
🮍🮌🮋🮊🮉🮈🮇🮆🮅🮄🮃🮂🮁🮀🭿🭾🭽🭼🭻🭺🭹🭸🭷🭶🭵🭴🭳🭲🭱🭰🭯🭮🭭🭬🭫🭪🭩🭨🭧🭦
🭥🭤🭣🭢🭡🭠🭟🭞🭝🭜🭛🭚🭙🭘🭗🭖🭕🭔🭓🭒🭑🭐🭏🭎🭍🭌🭋🭊🭉🭈🭇🭆🭅🭄🭃🭂🭁🭀🬿🬾
🬽🬼🬻🬺🬹🬸🬷🬶🬵🬴🬳🬲🬱🬰🬯🬮🬭🬬🬫🬪🬩🬨🬧🬦🬥🬤🬣🬢🬡🬠🬟🬞🬝🬜🬛🬚🬙🬘🬗🬖
🬕🬔🬓🬒🬑🬐🬏🬎🬍🬌🬋🬊🬉🬈🬇🬆🬅🬄🬃🬂🬁🬀🫿🫾🫽🫼🫻🫺🫹🫸🫷🫶🫵🫴🫳🫲🫱🫰🫯🫮
🫭🫬🫫🫪🫩🫨🫧🫦🫥🫤🫣🫢🫡🫠🫟🫞🫝🫜🫛🫚🫙🫘🫗🫖🫕🫔🫓🫒🫑🫐🫏🫎🫍🫌🫋🫊🫉🫈🫇🫆
🫅🫄🫃🫂🫁🫀🪿🪾🪽🪼🪻🪺🪹🪸🪷🪶🪵🪴🪳🪲🪱🪰🪯🪮🪭🪬🪫🪪🪩🪨🪧🪦🪥🪤🪣🪢🪡🪠🪟🪞
🪝🪜🪛🪚🪙🪘🪗🪖🪕🪔🪓🪒🪑🪐🪏🪎🪍🪌🪋🪊🪉🪈🪇🪆🪅🪄🪃🪂🪁🪀🩿🩾🩽🩼🩻🩺🩹🩸🩷🩶
🩵🩴🩳🩲🩱🩰🩯🩮🩭🩬🩫🩪🩩🩨🩧🩦🩥🩤🩣🩢🩡🩠🩟🩞🩝🩜🩛🩚🩙🩘🩗🩖🩕🩔🩓🩒🩑🩐🩏🩎
🩍🩌🩋🩊🩉🩈🩇🩆🩅🩄🩃🩂🩁🩀🨿🨾🨽🨼🨻🨺🨹🨸🨷🨶🨵🨴🨳🨲🨱🨰🨯🨮🨭🨬🨫🨪🨩🨨🨧🨦
🨥🨤🨣🨢🨡🨠🨟🨞🨝🨜🨛🨚🨙🨘🨗🨖🨕🨔🨓🨒🨑🨐🨏🨎🨍🨌🨋🨊🨉🨈🨇🨆🨅🨄🨃🨂🨁🨀🧿🧾
🧽🧼🧻🧺🧹🧸🧷🧶🧵🧴🧳🧲🧱🧰🧯🧮🧭🧬🧫🧪🧩🧨🧧🧦🧥🧤🧣🧢🧡🧠🧟🧞🧝🧜🧛🧚🧙🧘🧗🧖
🧕🧔🧓🧒🧑🧐🧏🧎🧍🧌🧋🧊🧉🧈🧇🧆🧅🧄🧃🧂🧁🧀🦿🦾🦽🦼🦻🦺🦹🦸🦷🦶🦵🦴🦳🦲🦱🦰🦯🦮
🦭🦬🦫🦪🦩🦨🦧🦦🦥🦤🦣🦢🦡🦠🦟🦞🦝🦜🦛🦚🦙🦘🦗🦖🦕🦔🦓🦒🦑🦐🦏🦎🦍🦌🦋🦊🦉🦈🦇🦆
🦅🦄🦃🦂🦁🦀🥿🥾🥽🥼🥻🥺🥹🥸🥷🥶🥵🥴🥳🥲🥱🥰🥯🥮🥭🥬🥫🥪🥩🥨🥧🥦🥥🥤🥣🥢🥡🥠🥟🥞
🥝🥜🥛🥚🥙🥘🥗🥖🥕🥔🥓🥒🥑🥐🥏🥎🥍🥌🥋🥊🥉🥈🥇🥆🥅🥄🥃🥂🥁🥀🤿🤾🤽🤼🤻🤺🤹🤸🤷🤶
🤵🤴🤳🤲🤱🤰🤯🤮🤭🤬🤫🤪🤩🤨🤧🤦🤥🤤🤣🤢🤡🤠🤟🤞🤝🤜🤛🤚🤙🤘🤗🤖🤕🤔🤓🤒🤑🤐🤏🤎
🤍🤌🤋🤊🤉🤈🤇🤆🤅🤄🤃🤂🤁🤀🣿🣾🣽🣼🣻🣺🣹🣸🣷🣶🣵🣴🣳🣲🣱🣰🣯🣮🣭🣬🣫🣪🣩🣨🣧🣦
🣥🣤🣣🣢🣡🣠🣟🣞🣝🣜🣛🣚🣙🣘🣗🣖🣕🣔🣓🣒🣑🣐🣏🣎🣍🣌🣋🣊🣉🣈🣇🣆🣅🣄🣃🣂🣁🣀🢿🢾
🢽🢼🢻🢺🢹🢸🢷🢶🢵🢴🢳🢲🢱🢰🢯🢮🢭🢬🢫🢪🢩🢨🢧🢦🢥🢤🢣🢢🢡🢠🢟🢞🢝🢜🢛🢚🢙🢘🢗🢖
🢕🢔🢓🢒🢑🢐🢏🢎🢍🢌🢋🢊🢉🢈🢇🢆🢅🢄🢃🢂🢁🢀🡿🡾🡽🡼🡻🡺🡹🡸🡷🡶🡵🡴🡳🡲🡱🡰🡯🡮
🡭🡬🡫🡪🡩🡨🡧🡦🡥🡤🡣🡢🡡🡠🡟🡞🡝🡜🡛🡚🡙🡘🡗🡖🡕🡔🡓🡒🡑🡐🡏🡎🡍🡌🡋🡊🡉🡈🡇🡆
🡅🡄🡃🡂🡁🡀🠿🠾🠽🠼🠻🠺🠹🠸🠷🠶🠵🠴🠳🠲🠱🠰🠯🠮🠭🠬🠫🠪🠩🠨🠧🠦🠥🠤🠣🠢🠡🠠🠟🠞
🠝🠜🠛🠚🠙🠘🠗🠖🠕🠔🠓🠒🠑🠐🠏🠎🠍🠌🠋🠊🠉🠈🠇🠆🠅🠄🠃🠂🠁🠀🟿🟾🟽🟼🟻🟺🟹🟸🟷🟶
🟵🟴🟳🟲🟱🟰🟯🟮🟭🟬🟫🟪🟩🟨🟧🟦🟥🟤🟣🟢🟡🟠🟟🟞🟝🟜🟛🟚🟙🟘🟗🟖🟕🟔🟓🟒🟑🟐🟏🟎
🟍🟌🟋🟊🟉🟈🟇🟆🟅🟄🟃🟂🟁🟀🞿🞾🞽🞼🞻🞺🞹🞸🞷🞶🞵🞴🞳🞲🞱🞰🞯🞮🞭🞬🞫🞪🞩🞨🞧🞦
🞥🞤🞣🞢🞡🞠🞟🞞🞝🞜🞛🞚🞙🞘🞗🞖🞕🞔🞓🞒🞑🞐🞏🞎🞍🞌🞋🞊🞉🞈🞇🞆🞅🞄🞃🞂🞁🞀🝿🝾
🝽🝼🝻🝺🝹🝸🝷🝶🝵🝴🛿🛾🛽🛼🛻🛺🛹🛸🛷🛶🛵🛴🛳🛲🛱🛰🛯🛮🛭🛬🛫🛪🛩🛨🛧🛦🛥🛤🛣🛢
🛡🛠🛟🛞🛝🛜🛛🛚🛙🛘🛗🛖🛕🛔🛓🛒🛑🛐🛏🛎🛍🛌🛋🛊🛉🛈🛇🛆🙿🙾🙽🙼🙻🙺🙹🙸🙷🙶🙵🙴
🙳🙲🙱🙰🙯🙮🙭🙬🙫🙪🙩🙨🙧🙦🙥🙤🙣🙢🙡🙠🙟🙞🙝🙜🙛🙚🙙🙘🙗🙖🙕🙔🙓🙒🙑🙐🙄🙃🙂🙁
🗺🗹🗸🗷🗶🗵🗴🗳🗲🗱🗰🗯🗮🗭🗬🗫🗪🗩🗨🗧🗦🗥🗤🗣🗢🗡🗠🗟🗞🗝🗜🗛🗚🗙🗘🗗🗖🗕🗔🗓
🗒🗑🗐🗏🗎🗍🗌🗋🗊🗉🗈🗇🗆🗅🗄🗃🗂🗁🗀🖿🖾🖽🖼🖻🖺🖹🖸🖷🖶🖵🖴🖳🖲🖱🖰🖯🖮🖭🖬🖫
🖪🖩🖨🖧🖦🖥🖤🖣🖢🖡🖠🖟🖞🖝🖜🖛🖚🖙🖘🖗🖖🖕🖔🖓🖒🖑🖐🖏🖎🖍🖌🖋🖊🖉🖈🖇🖆🖅🖄🖃
🖂🖁🖀🕿🕾🕽🕼🕻🕺🕹🕸🕷🕶🕵🕴🕳🕲🕱🕰🕯🕮🕭🕬🕫🕪🕩🕨🕏🕎🕍🕌🕋🕊🕉🕈🕇🕆🕅🕄🔿
🔾📿📾📽📸👁🐿🏿🏾🏽🏼🏻🏺🏹🏸🏷🏶🏵🏴🏳🏲🏱🏟🏞🏝🏜🏛🏚🏙🏘🏗🏖🏕🏔🏓🏒🏑🏐🏏🏎
🏍🏌🏋🏅🎟🎞🎝🎜🎛🎚🎙🎘🎗🎖🎕🎔🍿🍾🍽🌶🌯🌮🌭🌬🌫🌪🌩🌨🌧🌦🌥🌤🌣🌢🌡🋿🋾🋽🋼🋻
🋺🋹🋸🋷🋶🋵🋴🋳🋲🋱🋰🋯🋮🋭🋬🋫🋪🋩🋨🋧🋦🋥🋤🋣🋢🋡🋠🋟🋞🋝🋜🋛🋚🋙🋘🋗🋖🋕🋔🋓
🋒🋑🋐🋏🋎🋍🋌🋋🋊🋉🋈🋇🋆🋅🋄🋃🋂🋁🋀🊿🊾🊽🊼🊻🊺🊹🊸🊷🊶🊵🊴🊳🊲🊱🊰🊯🊮🊭🊬🊫
🊪🊩🊨🊧🊦🊥🊤🊣🊢🊡🊠🊟🊞🊝🊜🊛🊚🊙🊘🊗🊖🊕🊔🊓🊒🊑🊐🊏🊎🊍🊌🊋🊊🊉🊈🊇🊆🊅🊄🊃
🊂🊁🊀🉿🉾🉽🉼🉻🉺🉹🉸🉷🉶🉵🉴🉳🉲🉱🉰🉯🉮🉭🉬🉫🉪🉩🉨🉧🉦🉥🉤🉣🉢🉡🉠🉟🉞🉝🉜🉛
🉚🉙🉘🉗🉖🉕🉔🉓🉒🉏🉎🉍🉌🉋🉊🉉🈿🈾🈽🈼🈻🈏🈎🈍🈌🈋🈊🈉🈈🈇🈆🈅🈄🈃🇥🇤🇣🇢🇡🇠
🇟🇞🇝🇜🇛🇚🇙🇘🇗🇖🇕🇔🇓🇒🇑🇐🇏🇎🇍🇌🇋🇊🇉🇈🇇🇆🇅🇄🇃🇂🇁🇀🆿🆾🆽🆼🆻🆺🆹🆸
🆷🆶🆵🆴🆳🆲🆱🆰🆯🆮🆭🆬🆫🆪🆩🆨🆧🆦🆥🆤🆣🆢🆡🆠🆟🆞🆝🆜🆛🅯🅮🅭🅬🄯🄏🄎🄍🃿🃾🃽
🃼🃻🃺🃹🃸🃷🃶🃵🃴🃳🃲🃱🃰🃯🃮🃭🃬🃫🃪🃩🃨🃧🃦🃥🃤🃣🃢🃡🃠🃐🃀🂿🂰🂯🂟🂞🂝🂜🂛🂚
🂙🂘🂗🂖🂕🂔🀯🀮🀭🀬𞴮𞲰𞲬𞥟𞥞𞥊𞣖𞣕𞣔𞣓𞣒𞣑𞣐𞥉𞥈𞥇𞥆𞥅𞥄𞛵𞛯𞛮𞛦𞛣𞗿𞗯𞓮𞗮𞓯𞓭
𞓬𞋿𞋯𞋮𞋭𞋬𞊮𞅏𞄶𞄵𞄴𞄳𞄲𞄱𞄰𞂏𞀪𞀩𞀨𞀧𞀦𞀤𞀣𞀡𞀠𞀟𞀞𞀝𞀜𞀛𞀘𞀗𞀖𞀕𞀔𞀓𞀒𞀑𞀐𞀏
𞀎𞀍𞀌𞀋𞀊𞀉𞀈𞀆𞀅𞀄𞀃𞀂𞀁𞀀𝪯𝪮𝪭𝪬𝪫𝪪𝪩𝪨𝪧𝪦𝪥𝪤𝪣𝪢𝪡𝪟𝪞𝪝𝪜𝪛𝪋𝪊𝪉𝪈𝪇𝪆
𝪅𝪄𝪃𝪂𝪁𝪀𝩿𝩾𝩽𝩼𝩻𝩺𝩹𝩸𝩷𝩶𝩵𝩴𝩳𝩲𝩱𝩰𝩯𝩮𝩭𝩬𝩫𝩪𝩩𝩨𝩧𝩦𝩥𝩤𝩣𝩢𝩡𝩠𝩟𝩞
𝩝𝩜𝩛𝩚𝩙𝩘𝩗𝩖𝩕𝩔𝩓𝩒𝩑𝩐𝩏𝩎𝩍𝩌𝩋𝩊𝩉𝩈𝩇𝩆𝩅𝩄𝩃𝩂𝩁𝩀𝨿𝨾𝨽𝨼𝨻𝨺𝨹𝨸𝨷𝨶
𝨵𝨴𝨳𝨲𝨱𝨰𝨯𝨮𝨭𝨬𝨫𝨪𝨩𝨨𝨧𝨦𝨥𝨤𝨣𝨢𝨡𝨠𝨟𝨞𝨝𝨜𝨛𝨚𝨙𝨘𝨗𝨖𝨕𝨔𝨓𝨒𝨑𝨐𝨏𝨎
𝨍𝨌𝨋𝨊𝨉𝨈𝨇𝨆𝨅𝨄𝨃𝨂𝨁𝨀𝧿𝧾𝧽𝧼𝧻𝧺𝧹𝧸𝧷𝧶𝧵𝧴𝧳𝧲𝧱𝧰𝧯𝧮𝧭𝧬𝧫𝧪𝧩𝧨𝧧𝧦
𝧥𝧤𝧣𝧢𝧡𝧠𝧟𝧞𝧝𝧜𝧛𝧚𝧙𝧘𝧗𝧖𝧕𝧔𝧓𝧒𝧑𝧐𝧏𝧎𝧍𝧌𝧋𝧊𝧉𝧈𝧇𝧆𝧅𝧄𝧃𝧂𝧁𝧀𝦿𝦾
𝦽𝦼𝦻𝦺𝦹𝦸𝦷𝦶𝦵𝦴𝦳𝦲𝦱𝦰𝦯𝦮𝦭𝦬𝦫𝦪𝦩𝦨𝦧𝦦𝦥𝦤𝦣𝦢𝦡𝦠𝦟𝦞𝦝𝦜𝦛𝦚𝦙𝦘𝦗𝦖
𝦕𝦔𝦓𝦒𝦑𝦐𝦏𝦎𝦍𝦌𝦋𝦊𝦉𝦈𝦇𝦆𝦅𝦄𝦃𝦂𝦁𝦀𝥿𝥾𝥽𝥼𝥻𝥺𝥹𝥸𝥷𝥶𝥵𝥴𝥳𝥲𝥱𝥰𝥯𝥮
𝥭𝥬𝥫𝥪𝥩𝥨𝥧𝥦𝥥𝥤𝥣𝥢𝥡𝥠𝥟𝥞𝥝𝥜𝥛𝥚𝥙𝥘𝥗𝥖𝥕𝥔𝥓𝥒𝥑𝥐𝥏𝥎𝥍𝥌𝥋𝥊𝥉𝥈𝥇𝥆
𝥅𝥄𝥃𝥂𝥁𝥀𝤿𝤾𝤽𝤼𝤻𝤺𝤹𝤸𝤷𝤶𝤵𝤴𝤳𝤲𝤱𝤰𝤯𝤮𝤭𝤬𝤫𝤪𝤩𝤨𝤧𝤦𝤥𝤤𝤣𝤢𝤡𝤠𝤟𝤞
𝤝𝤜𝤛𝤚𝤙𝤘𝤗𝤖𝤕𝤔𝤓𝤒𝤑𝤐𝤏𝤎𝤍𝤌𝤋𝤊𝤉𝤈𝤇𝤆𝤅𝤄𝤃𝤂𝤁𝤀𝣿𝣾𝣽𝣼𝣻𝣺𝣹𝣸𝣷𝣶
𝣵𝣴𝣳𝣲𝣱𝣰𝣯𝣮𝣭𝣬𝣫𝣪𝣩𝣨𝣧𝣦𝣥𝣤𝣣𝣢𝣡𝣠𝣟𝣞𝣝𝣜𝣛𝣚𝣙𝣘𝣗𝣖𝣕𝣔𝣓𝣒𝣑𝣐𝣏𝣎
𝣍𝣌𝣋𝣊𝣉𝣈𝣇𝣆𝣅𝣄𝣃𝣂𝣁𝣀𝢿𝢾𝢽𝢼𝢻𝢺𝢹𝢸𝢷𝢶𝢵𝢴𝢳𝢲𝢱𝢰𝢯𝢮𝢭𝢬𝢫𝢪𝢩𝢨𝢧𝢦
𝢥𝢤𝢣𝢢𝢡𝢠𝢟𝢞𝢝𝢜𝢛𝢚𝢙𝢘𝢗𝢖𝢕𝢔𝢓𝢒𝢑𝢐𝢏𝢎𝢍𝢌𝢋𝢊𝢉𝢈𝢇𝢆𝢅𝢄𝢃𝢂𝢁𝢀𝡿𝡾
𝡽𝡼𝡻𝡺𝡹𝡸𝡷𝡶𝡵𝡴𝡳𝡲𝡱𝡰𝡯𝡮𝡭𝡬𝡫𝡪𝡩𝡨𝡧𝡦𝡥𝡤𝡣𝡢𝡡𝡠𝡟𝡞𝡝𝡜𝡛𝡚𝡙𝡘𝡗𝡖
𝡕𝡔𝡓𝡒𝡑𝡐𝡏𝡎𝡍𝡌𝡋𝡊𝡉𝡈𝡇𝡆𝡅𝡄𝡃𝡂𝡁𝡀𝠿𝠾𝠽𝠼𝠻𝠺𝠹𝠸𝠷𝠶𝠵𝠴𝠳𝠲𝠱𝠰𝠯𝠮
𝠭𝠬𝠫𝠪𝠩𝠨𝠧𝠦𝠥𝠤𝠣𝠢𝠡𝠠𝠟𝠞𝠝𝠜𝠛𝠚𝠙𝠘𝠗𝠖𝠕𝠔𝠓𝠒𝠑𝠐𝠏𝠎𝠍𝠌𝠋𝠊𝠉𝠈𝠇𝠆
𝠅𝠄𝠃𝠂𝠁𝠀𝇪𝇩𝇨𝇧𝇦𝇥𝇤𝇣𝇢𝇡𝇠𝇟𝇞𜿃𜿂𜿁𜿀𜾿𜾾𜾽𜾼𜾻𜾺𜾹𜾸𜾷𜾶𜾵𜾴𜾳𜾲𜾱𜾰𜾯
𜾮𜾭𜾬𜾫𜾪𜾩𜾨𜾧𜾦𜾥𜾤𜾣𜾢𜾡𜾠𜾟𜾞𜾝𜾜𜾛𜾚𜾙𜾘𜾗𜾖𜾕𜾔𜾓𜾒𜾑𜾐𜾏𜾎𜾍𜾌𜾋𜾊𜾉𜾈𜾇
𜾆𜾅𜾄𜾃𜾂𜾁𜾀𜽿𜽾𜽽𜽼𜽻𜽺𜽹𜽸𜽷𜽶𜽵𜽴𜽳𜽲𜽱𜽰𜽯𜽮𜽭𜽬𜽫𜽪𜽩𜽨𜽧𜽦𜽥𜽤𜽣𜽢𜽡𜽠𜽟
𜽞𜽝𜽜𜽛𜽚𜽙𜽘𜽗𜽖𜽕𜽔𜽓𜽒𜽑𜽐𜽆𜽅𜽄𜽃𜽂𜽁𜽀𜼿𜼾𜼽𜼼𜼻𜼺𜼹𜼸𜼷𜼶𜼵𜼴𜼳𜼲𜼱𜼰𜼭𜼬
𜼫𜼪𜼩𜼨𜼧𜼦𜼥𜼤𜼣𜼢𜼡𜼠𜼟𜼞𜼝𜼜𜼛𜼚𜼙𜼘𜼗𜼖𜼕𜼔𜼓𜼒𜼑𜼐𜼏𜼎𜼍𜼌𜼋𜼊𜼉𜼈𜼇𜼆𜼅𜼄
𜼃𜼂𜼁𜼀𜻰𜻯𜻮𜻭𜻬𜻫𜻪𜻩𜻨𜻧𜻦𜻥𜻤𜻣𜻢𜻡𜻠𜻐𜻏𜻎𜻍𜻌𜻋𜻊𜻉𜻈𜻇𜻆𜻅𜻄𜻃𜻂𜻁𜻀𜺿𜺾
𜺽𜺼𜺻𜺺𜺳𜺲𜺱𜺰𜺯𜺮𜺭𜺬𜺫𜺪𜺩𜺨𜺧𜺦𜺥𜺤𜺣𜺢𜺡𜺠𜺟𜺞𜺝𜺜𜺛𜺚𜺙𜺘𜺗𜺖𜺕𜺔𜺓𜺒𜺑𜺐
𜺏𜺎𜺍𜺌𜺋𜺊𜺉𜺈𜺇𜺆𜺅𜺄𜺃𜺂𜺁𜺀𜹿𜹾𜹽𜹼𜹻𜹺𜹹𜹸𜹷𜹶𜹵𜹴𜹳𜹲𜹱𜹰𜹯𜹮𜹭𜹬𜹫𜹪𜹩𜹨
𜹧𜹦𜹥𜹤𜹣𜹢𜹡𜹠𜹟𜹞𜹝𜹜𜹛𜹚𜹙𜹘𜹗𜹖𜹕𜹔𜹓𜹒𜹑𜹐𜹏𜹎𜹍𜹌𜹋𜹊𜹉𜹈𜹇𜹆𜹅𜹄𜹃𜹂𜹁𜹀
𜸿𜸾𜸽𜸼𜸻𜸺𜸹𜸸𜸷𜸶𜸵𜸴𜸳𜸲𜸱𜸰𜸯𜸮𜸭𜸬𜸫𜸪𜸩𜸨𜸧𜸦𜸥𜸤𜸣𜸢𜸡𜸠𜸟𜸞𜸝𜸜𜸛𜸚𜸙𜸘
𜸗𜸖𜸕𜸔𜸓𜸒𜸑𜸐𜸏𜸎𜸍𜸌𜸋𜸊𜸉𜸈𜸇𜸆𜸅𜸄𜸃𜸂𜸁𜸀𜷿𜷾𜷽𜷼𜷻𜷺𜷹𜷸𜷷𜷶𜷵𜷴𜷳𜷲𜷱𜷰
𜷯𜷮𜷭𜷬𜷫𜷪𜷩𜷨𜷧𜷦𜷥𜷤𜷣𜷢𜷡𜷠𜷟𜷞𜷝𜷜𜷛𜷚𜷙𜷘𜷗𜷖𜷕𜷔𜷓𜷒𜷑𜷐𜷏𜷎𜷍𜷌𜷋𜷊𜷉𜷈
𜷇𜷆𜷅𜷄𜷃𜷂𜷁𜷀𜶿𜶾𜶽𜶼𜶻𜶺𜶹𜶸𜶷𜶶𜶵𜶴𜶳𜶲𜶱𜶰𜶯𜶮𜶭𜶬𜶫𜶪𜶩𜶨𜶧𜶦𜶥𜶤𜶣𜶢𜶡𜶠
𜶟𜶞𜶝𜶜𜶛𜶚𜶙𜶘𜶗𜶖𜶕𜶔𜶓𜶒𜶑𜶐𜶏𜶎𜶍𜶌𜶋𜶊𜶉𜶈𜶇𜶆𜶅𜶄𜶃𜶂𜶁𜶀𜵿𜵾𜵽𜵼𜵻𜵺𜵹𜵸
𜵷𜵶𜵵𜵴𜵳𜵲𜵱𜵰𜵯𜵮𜵭𜵬𜵫𜵪𜵩𜵨𜵧𜵦𜵥𜵤𜵣𜵢𜵡𜵠𜵟𜵞𜵝𜵜𜵛𜵚𜵙𜵘𜵗𜵖𜵕𜵔𜵓𜵒𜵑𜵐
𜵏𜵎𜵍𜵌𜵋𜵊𜵉𜵈𜵇𜵆𜵅𜵄𜵃𜵂𜵁𜵀𜴿𜴾𜴽𜴼𜴻𜴺𜴹𜴸𜴷𜴶𜴵𜴴𜴳𜴲𜴱𜴰𜴯𜴮𜴭𜴬𜴫𜴪𜴩𜴨
𜴧𜴦𜴥𜴤𜴣𜴢𜴡𜴠𜴟𜴞𜴝𜴜𜴛𜴚𜴙𜴘𜴗𜴖𜴕𜴔𜴓𜴒𜴑𜴐𜴏𜴎𜴍𜴌𜴋𜴊𜴉𜴈𜴇𜴆𜴅𜴄𜴃𜴂𜴁𜴀
𜳼𜳻𜳺𜳯𜳮𜳭𜳬𜳫𜳪𜳩𜳨𜳧𜳦𜳥𜳤𜳣𜳢𜳡𜳠𜳟𜳞𜳝𜳜𜳛𜳚𜳙𜳘𜳗𜳖𜳕𜳔𜳓𜳒𜳑𜳐𜳏𜳎𜳍𜳌𜳋
𜳊𜳉𜳈𜳇𜳆𜳅𜳄𜳃𜳂𜳁𜳀𜲿𜲾𜲽𜲼𜲻𜲺𜲹𜲸𜲷𜲶𜲵𜲴𜲳𜲲𜲱𜲰𜲯𜲮𜲭𜲬𜲫𜲪𜲩𜲨𜲧𜲦𜲥𜲤𜲣
𜲢𜲡𜲠𜲟𜲞𜲝𜲜𜲛𜲚𜲙𜲘𜲗𜲖𜲕𜲔𜲓𜲒𜲑𜲐𜲏𜲎𜲍𜲌𜲋𜲊𜲉𜲈𜲇𜲆𜲅𜲄𜲃𜲂𜲁𜲀𜱿𜱾𜱽𜱼𜱻
𜱺𜱹𜱸𜱷𜱶𜱵𜱴𜱳𜱲𜱱𜱰𜱯𜱮𜱭𜱬𜱫𜱪𜱩𜱨𜱧𜱦𜱥𜱤𜱣𜱢𜱡𜱠𜱟𜱞𜱝𜱜𜱛𜱚𜱙𜱘𜱗𜱖𜱕𜱔𜱓
𜱒𜱑𜱐𜱏𜱎𜱍𜱌𜱋𜱊𜱉𜱈𜱇𜱆𜱅𜱄𜱃𜱂𜱁𜱀𜰿𜰾𜰽𜰼𜰻𜰺𜰹𜰸𜰷𜰶𜰵𜰴𜰳𜰲𜰱𜰰𜰯𜰮𜰭𜰬𜰫
𜰪𜰩𜰨𜰧𜰦𜰥𜰤𜰣𜰢𜰡𜰠𜰟𜰞𜰝𜰜𜰛𜰚𜰙𜰘𜰗𜰖𜰕𜰔𜰓𜰒𜰑𜰐𜰏𜰎𜰍𜰌𜰋𜰊𜰉𜰈𜰇𜰆𜰅𜰄𜰃
𜰂𜰁𜰀𛲣𛲢𛲡𛲠𛲟𛲞𛲝𛲜𖿱𖿰𖿤𖿢𖾇𖾆𖾅𖾄𖾃𖾂𖾁𖾀𖽿𖽏𖺚𖺙𖺘𖺗𖵯𖵮𖵭𖭅𖭄𖬿𖬾𖬽𖬼𖬻𖬺
𖬹𖬸𖬷𖬶𖬵𖬴𖬳𖬲𖬱𖬰𖫵𖫴𖫳𖫲𖫱𖫰𖩯𖩮𖄯𖄮𖄭𖄬𖄫𖄪𖄩𖄨𖄧𖄦𖄥𖄤𖄣𖄢𖄨𖄟𖄞𓑕𓑔𓑓𓑒
𓑑𓑐𓑏𓑎𓑍𓑌𓑋𓑊𓑉𓑈𓑇𓑀𓐿𓐾𓐽𓐼𓐻𓐺𓐹𓐸𓐷𓐶𓐵𓐴𓐳𓐲𓐱𓐰𒿲𒿱𒑴𑿿𑿱𑿰𑿯𑿮𑿭𑿬𑿫𑿪
𑿩𑿨𑿧𑿦𑿥𑿤𑿣𑿢𑿡𑿠𑿟𑿞𑿝𑿜𑿛𑿚𑿙𑿘𑿗𑿖𑿕𑽚𑽏𑽎𑽍𑽌𑽋𑽊𑽉𑽈𑽇𑽆𑽅𑽄𑽃𑽂𑽁𑽀𑼿𑼾
𑼺𑼹𑼸𑼷𑼶𑼵𑼴𑼃𑼁𑼀𑻸𑻷𑻶𑻵𑻴𑻳𑶗𑶖𑶕𑶔𑶓𑶑𑶐𑶎𑶍𑶌𑶋𑶊𑵇𑵅𑵄𑵃𑵂𑵁𑵀𑴿𑴽𑴼𑴺𑴶
𑴵𑴴𑴳𑴲𑴱𑲶𑲵𑲴𑲳𑲲𑲱𑲰𑲯𑲮𑲭𑲬𑲫𑲪𑲩𑲧𑲦𑲥𑲤𑲣𑲢𑲡𑲠𑲟𑲞𑲝𑲜𑲛𑲚𑲙𑲘𑲗𑲖𑲕𑲔𑲓
𑲒𑱱𑱰𑱅𑱄𑱃𑱂𑱁𑰿𑰾𑰽𑰼𑰻𑰺𑰹𑰸𑰶𑰵𑰴𑰳𑰲𑰱𑰰𑰯𑯡𑭧𑭦𑭥𑭤𑭣𑭢𑭡𑭠𑬉𑬈𑬇𑬆𑬅𑬄𑬃
𑬂𑬁𑬀𑪢𑪡𑪠𑪟𑪞𑪜𑪛𑪚𑪙𑪘𑪗𑪖𑪕𑪔𑪓𑪒𑪑𑪐𑪏𑪎𑪍𑪌𑪋𑪊𑩛𑩚𑩙𑩘𑩗𑩖𑩕𑩔𑩓𑩒𑩑𑩇𑩆
𑩅𑩄𑩃𑩂𑩁𑩀𑨿𑨾𑨽𑨼𑨻𑨹𑨸𑨷𑨶𑨵𑨴𑨳𑨊𑨉𑨈𑨇𑨆𑨅𑨄𑨃𑨂𑨁𑧤𑧢𑧠𑧟𑧞𑧝𑧜𑧛𑧚𑧗𑧖𑧕
𑧔𑧓𑧒𑧑𑥆𑥅𑥄𑥃𑥂𑥀𑤾𑤽𑤼𑤻𑤸𑤷𑤵𑤴𑤳𑤲𑤱𑤰𑠻𑠺𑠹𑠸𑠷𑠶𑠵𑠴𑠳𑠲𑠱𑠰𑠯𑠮𑠭𑠬𑜿𑜾
𑜽𑜼𑜫𑜪𑜩𑜨𑜧𑜦𑜥𑜤𑜣𑜢𑜡𑜠𑜟𑜞𑜝𑚹𑙬𑙫𑙪𑙩𑙨𑙧𑙦𑙥𑙤𑙣𑙢𑙡𑙠𑙃𑙂𑙁𑙀𑘿𑘾𑘽𑘼𑘻
𑘺𑘹𑘸𑘷𑘶𑘵𑘴𑘳𑘲𑘱𑘰𑗝𑗜𑗗𑗖𑗕𑗔𑗓𑗒𑗑𑗐𑗏𑗎𑗍𑗌𑗋𑗊𑗉𑗈𑗇𑗆𑗅𑗄𑗃𑗂𑗁𑗀𑖿𑖾𑖽
𑖼𑖻𑖺𑖹𑖸𑖵𑖴𑖳𑖲𑖱𑖰𑖯𑓆𑓃𑓂𑓁𑓀𑒿𑒾𑒽𑒼𑒻𑒺𑒹𑒸𑒷𑒶𑒵𑒴𑒳𑒲𑒱𑒰𑑞𑑝𑑛𑑚𑑏𑑎𑑍
𑑌𑑋𑑆𑑅𑑄𑑃𑑂𑑁𑑀𑐿𑐾𑐽𑐼𑐻𑐺𑐹𑐸𑐷𑐶𑐵𑏢𑏡𑏘𑏗𑏕𑏔𑏒𑏐𑏏𑏎𑏍𑏌𑏊𑏉𑏈𑏇𑏅𑏂𑏀𑎿
𑎾𑎽𑎼𑎻𑎺𑎹𑎸𑍴𑍳𑍲𑍱𑍰𑍬𑍫𑍪𑍩𑍨𑍧𑍦𑍣𑍢𑍗𑍍𑍌𑍋𑍈𑍇𑍄𑍃𑍂𑍁𑍀𑌿𑌾𑌼𑌻𑌃𑌂𑌁𑌀
𑋩𑋪𑋨𑋧𑋦𑋥𑋤𑋣𑋢𑋡𑋠𑋟𑊩𑉁𑈾𑈽𑈼𑈻𑈺𑈹𑈸𑈷𑈶𑈵𑈴𑈳𑈲𑈱𑈰𑈯𑈮𑈭𑈬𑇟𑇞𑇝𑇛𑇏𑇎𑇍
𑇌𑇋𑇊𑇉𑅵𑅴𑅳𑅆𑅅𑃍𑃂𑁿𑁴𑁳𑁰𐾉𐾈𐾇𐾆𐾅𐾃𐾄𐾂𐽙𐽘𐽗𐽖𐽕𐽐𐽏𐽎𐽍𐽋𐽇𐽆𐻿𐽌𐽊𐽉𐽈
𐻾𐻽𐻼𐻻𐻺𐻘𐻗𐻖𐻕𐻔𐻓𐻒𐻑𐻐𐺭𐺬𐺫𐶏𐶎𐵮𐵭𐵬𐵫𐵪𐵩𐴧𐴦𐴥𐴤𐮜𐮛𐮚𐮙𐫶𐫵𐫴𐫳𐫲𐫱𐫰
𐫦𐫥𐫈𐡸𐡷𐕯𐋠𐍺𐍹𐍸𐍷𐍶𐆠𐆜𐆎𐆍𐆌︭︬︫︪︩︨︧︯︮﷿﷾﷏﷎﷍﷌﷋﷊﷉﷈﶑﶐﵏﵎
﵍﵌﵋﵊﵉﵈﵇﵆﵅﵄﵃﵂﵁﵀﯒﯑﯐﯏﯎﯍﯌﯋﯊﯉﯈﯇﯆﯅﯄﯃﯂꭫꭪꭛ꩽꩼꧥꣿ꣼ꣅ
꠬ꚞ㋿㇯㇥㇤⿿⿾⿽⿼⹝⹜⹛⹚⹙⹘⹗⹖⹕⹔⹓⹒⹑⹐⹏⹎⹍⹌⹋⹊⹉⹈⹇⹆⹅⹄⹃⹂⹁⹀
⸿⸾⸽⸼⯿⯾⯽⯼⯻⯺⯹⯸⯷⯶⯵⯴⯳⯲⯱⯰⯯⯮⯭⯬⯫⯪⯩⯨⯧⯦⯥⯤⯣⯢⯡⯠⯟⯞⯝⯜
⯛⯚⯙⯘⯗⯖⯕⯔⯓⯒⯑⯐⯏⯎⯍⯌⯋⯊⯉⯈⯇⯆⯅⯄⯃⯂⯁⯀⮿⮾⮽⮼⮻⮺⮹⮸⮷⮶⮵⮴
⮳⮲⮱⮰⮯⮮⮭⮬⮫⮪⮩⮨⮧⮦⮥⮤⮣⮢⮡⮠⮟⮞⮝⮜⮛⮚⮙⮘⮗⮖⮕⮔⮓⮒⮑⮐⮏⮎⮍⮌
⮋⮊⮉⮈⮇⮆⮅⮄⮃⮂⮁⮀⭿⭾⭽⭼⭻⭺⭹⭸⭷⭶⭳⭲⭱⭰⭯⭮⭭⭬⭫⭪⭩⭨⭧⭦⭥⭤⭣⭢
⭡⭠⭟⭞⭝⭜⭛⭚⭏⭎⭍✀␩␨␧⏿⏾⏽⏼⏻⏺⏹⏸⏷⏶⏵⏴↋↊ℹ⃁⃀₿₾₽₼₻₺⁩⁨
⁧⁦᷺᷹᷸᷷᷻᷵ᷴᷳᷲᷱᷰᷯᷮᷭᷬᷫᷪᷩᷨᷧ᳹᳸᷶᳷᭿᭾᭽᭏᭎᫫᫪᫩᫨᫧᫦᫥᫤᫣
᫢᫡᫠᫝᫜᫛᫚᫙᫘᫗᫖᫕᫔᫓᫒᫑᫐᫏᫊᫄᫃ᫀᪿᫎᫍᫌ᫋᫉᫈᫇᫆᫅᫂᫁᪾᪽᪺᪹᪼᪻
᪸᪷᪶᪵᪴᪳᪲᪱᪰ᢆᢅ᠏᜕໎຺ඁ൏഼഻ഁഀೳ಄ಁ౷఼ఄఀ୕૿૾૽ૼૻૺ੶৾৽ࣣࣿ
࣢࣓࣒࣑࣐࣏࢛࢚࢙࣡࣠ࣟࣞࣝࣜࣛࣚࣙࣘࣗࣖࣕࣔ࣎࣍࣌࣋࣊࢟࢞࢝࢜࢘ࢗ࢑࢐࢈߿߾߽
؝؜؅֎֍''',
  detail = none, columnsize = 0
);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 0);
INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 1048576);
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('automerge', 4);
