# signpost: Somali (so).
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = Soomaali
    .aliases = somali, af soomaali
language-pick = Luqaddee ayaad rabtaa inaad isticmaasho?

## Said by signpost itself, at any step

welcome-back = Ku soo dhawoow mar kale. Halkan ayaan joognay:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    Codsigaaga waxaan u gudbinayaa la-taliye bulsho (social prescriber), kaas oo kula soo xiriiri doona.
    { $buttons ->
        [typed] Qor lambarka doorashada, ama erayadeeda. Waxaad sidoo kale qori kartaa:
       *[tapped] Riix badhan, ama qor lambarkiisa. Waxaad sidoo kale qori kartaa:
    }
    dib (back): hal su'aal dib ugu noqo
    bilow (restart): bilowga ka bilow
    language: beddel luqadda
    /mydata: arag wax kasta oo aan kaa hayno
    /forget: tirtir wax kasta oo aan kaa hayno
    Haddii aad hadda khatar ku jirto, wac 999.
restarted = Aan dib u bilowno.
cannot-go-back = Halkan wax ka sii dambeeya dib uguma noqon karno.
stale-choice = Badhankaas wuxuu ahaa su'aal hore. Tani waa su'aasha aan hadda joogno:
choose-one = Waan ka xumahay, ma fahmin. Dooro mid ka mid ah jawaabaha hoose, ama qor lambarkiisa.
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] Dooro ugu yaraan hal, kadibna dooro "Waa dhammaatay".
       *[other] Dooro ugu yaraan { $min }, kadibna dooro "Waa dhammaatay".
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = Taasi waa xoogaa dheer. Fadlan qor wax ka yar { $max } xaraf.
please-type = Fadlan qor jawaab, ama dooro mid ka mid ah jawaabaha hoose.
content-changed = Waan ka xumahay, adeeggan waa la cusboonaysiiyay tan iyo markii aan wada hadalnay, sidaas darteed waa inaan dib u bilownaa.
conversation-over = Waan dhammaynay. Haddii aad rabto codsi cusub, qor "bilow".
unreadable-input = Waan ka xumahay, taas ma akhrin karo. Fadlan mar kale qor.
# Variables:
#   $name, $organisation, $description, $contact, $why (String)
service-line =
    { $name } ({ $organisation })
    { $description }
    { $opening }
    { $contact }
    { $why }
# Variables:
#   $label (String), $value (String)
summary-line = { $label }: { $value }
summary-not-given = Lama bixin
keywords-back = dib, dib u noqo
keywords-restart = bilow, dib u bilow
keywords-help = caawimo

## Crisis

crisis-help =
    Waxay u egtahay in xaaladdu hadda aad kuugu adag tahay. Kaligaa uma baahnid inaad la kulanto.
    Haddii aad hadda khatar ku jirto, wac 999.
    Caawimo degdeg ah oo caafimaadka maskaxda ah, wac NHS 111 oo dooro 2, habeen iyo maalin.
    Samaritans way ku dhageysanayaan wakhti kasta: wac 116 123. Waa bilaash.
    Ama u dir fariin qoraal ah SHOUT lambarka 85258 si aad u hesho taageero bilaash ah oo qarsoodi ah.
crisis-resume = Markaad diyaar noqoto, waan sii wadi karnaa. Haddii aad codsigaaga dirto, la-taliyaha bulshada ayaa marka hore arki doona.
crisis-danger =
    Haddii aad hadda khatar ku jirto, wac 999. Haddii aadan si nabad ah u hadli karin, ka wac 999 taleefan gacmeed, dhageyso, oo riix 55 marka lagu weydiiyo: way garan doonaan inaad caawimo u baahan tahay.
    National Domestic Abuse Helpline (xadgudubka qoyska), bilaash, habeen iyo maalin: 0808 2000 247.
    Haddii lagugu qasbayo guur, ama lagugu hanjabayo "sharafta" qoyska: Karma Nirvana, 0800 5999 247.
    Haddii ilmo la dhibayo: wac 999, ama NSPCC 0808 800 5000.
    Adiga eed kuma laha, kaligaana uma baahnid inaad la kulanto.
crisis-ask-self = Si toos ah ayaan kuu weydiinayaa, sababtoo ah waa muhiim: ma ku soo dhacaan fikrado ah inaad naftaada dhammeyso?
crisis-ask-danger = Waxaan rabaa inaan hubiyo inaad nabad qabtid: ma ka baqaysaa in qof ku dhibo, mise hadda khatar ayaad ku jirtaa?
crisis-ask-yes = Haa
    .aliases = haa, haye, waa haa
crisis-ask-no = Maya
    .aliases = maya, may, ma aha
crisis-ask-thanks = Waad ku mahadsan tahay inaad ii sheegtay. Haddii ay wax isbeddelaan, ama aad dareento inaadan nabad qabin, wac 999, ama Samaritans bilaash 116 123, habeen iyo maalin.
crisis-ask-again = Fadlan ku jawaab Haa ama Maya, si aan u ogaado sida ugu wanaagsan ee aan kuu caawin karo.

## The self-referral

referral-welcome =
    Salaan, ku soo dhawoow. Codsigaaga waxaan u gudbin karaa kooxda la-talinta bulshada (social prescribing) ee Tower Hamlets.
    La-taliyayaashu way ku dhageystaan, kadibna waxay kaa caawiyaan inaad hesho taageero deegaanka ah: murug ama kalinimo, lacag, guri, shaqo, daryeelka qof, jimicsi iyo wax kale. Waa bilaash.
    Wakhti kasta waxaad qori kartaa "dib", "bilow" ama "caawimo".
referral-privacy =
    Marka hore, sida aan u ilaalino waxa aad noo sheegto:
    Jawaabahaaga si ammaan ah ayaan u kaydinaa. Kooxda la-talinta bulshada oo keliya ayaa arka, si ay kuula soo xiriiraan. Waan tirtirnaa marka aan loo baahnayn. Wakhti kasta waxaad codsan kartaa inaad aragto ama la tirtiro.
    Ma ku raalli tahay inaan jawaabahaaga u kaydino arrintan?
referral-privacy-yes = Haa, waan ogolahay
    .aliases = haa, waan ogolahay, ogol, hagaag
referral-privacy-no = Maya, adeegyada oo keliya i tus
    .aliases = maya, adeegyada keliya
referral-anon-needs = Waa hagaag. Waxba kaama kaydin doono. Maxaad caawimo ku rabtaa? Dooro inta aad rabto, kadibna dooro "Waa dhammaatay".
referral-needs = Maxaa hadda ku saameynaya? Dooro inta aad rabto, kadibna dooro "Waa dhammaatay".
referral-needs-done = Waa dhammaatay
    .aliases = dhammaaday, waa dhammaatay, hagaag, dhamaad
need-mental = Murug ama walwal
    .aliases = murug, walwal, niyad jab, diiqad
need-physical = Caafimaad iyo jimicsi
    .aliases = caafimaad, jimicsi, jir
need-money = Lacag iyo deyn
    .aliases = lacag, deyn, biil, biilasha
need-housing = Guri
    .aliases = guri, hoy, kiro, aqal
need-work = Shaqo iyo tababar
    .aliases = shaqo, tababar, koorso
need-caring = Daryeelka qof
    .aliases = daryeel, daryeele
need-lonely = Kalinimo
    .aliases = kalinimo, keli, kaligay, cidlo
need-food = Cunto
    .aliases = cunto, raashin, gaajo
need-other = Wax kale
    .aliases = kale, wax kale
referral-story = Ma rabtaa inaad wax dheeraad ah noo sheegto? Qor inta aad rabto.
referral-story-skip = Maya, mahadsanid
    .aliases = maya, maya mahadsanid, waxba
referral-name = Magacee baan kuugu yeernaa?
referral-name-invalid = Fadlan qor magac, adoo isticmaalaya xarfo.
referral-dob = Waa maxay taariikhda dhalashadaadu? Tusaale: 25/12/1970. Rugta dhakhtarkaaga (GP) ayaa ku isticmaasha si ay u hesho diiwaankaaga.
referral-dob-skip = Ma doonayo inaan sheego
    .aliases = maya, ma doonayo
referral-dob-invalid = Waan ka xumahay, taariikhdaas ma fahmin. Qor maalin/bil/sanad, sida 25/12/1970.
referral-gp = Rugtee dhakhtar (GP) ayaad ka diiwaangashan tahay?
referral-gp-skip = Ma aqaan
    .aliases = ma aqaan, garan maayo, maya
referral-contact = Sideen kuula soo xiriirnaa?
referral-contact-phone = I soo wac
    .aliases = telefoon, taleefan, i soo wac, wac
referral-contact-message = Halkan fariin iigu soo dir
    .aliases = fariin, farriin, halkan
referral-phone = Lambarkee baan soo wacnaa? Tusaale: 07700 900123.
referral-phone-invalid = Taasi uma eka lambar telefoon oo UK ah. U qor sidan: 07700 900123 ama 020 7946 0000.
referral-best-time = Goorma ayaa ugu fiican in lagu soo waco?
referral-time-morning = Subax (9 ilaa 12)
    .aliases = subax, subaxdii
referral-time-afternoon = Galab (12 ilaa 5)
    .aliases = galab, galabtii, duhur
referral-time-any = Wakhti kasta
    .aliases = wakhti kasta, waqti kasta, kasta
referral-postcode = Waa maxay koodhkaaga boostada (postcode)? Wuxuu naga caawiyaa inaan helno adeegyo kuu dhow.
referral-postcode-skip = Ma aqaan
    .aliases = ma aqaan, garan maayo, maya
referral-postcode-invalid = Waan ka xumahay, taasi uma eka koodh boosto oo UK ah. U qor sidan: E1 6AN.
referral-interpreter = Ma u baahan tahay turjubaan markaan kula soo xiriirno?
interpreter-none = Maya, mahadsanid
    .aliases = maya, uma baahni, looma baahna
interpreter-bn = Bengaali
    .aliases = bangaali
interpreter-syl = Silheti
    .aliases = silheti
interpreter-so = Soomaali
    .aliases = soomaali, af soomaali
interpreter-ur = Urdu
    .aliases = urduu
interpreter-ar = Carabi
    .aliases = carabi, af carabi
interpreter-pl = Boolish
    .aliases = boolish
interpreter-zh = Shiinays
    .aliases = shiine, af shiine
interpreter-tr = Turki
    .aliases = turki, af turki
interpreter-other = Luqad kale
    .aliases = luqad kale, kale
referral-summary = Kani waa waxa aad noo sheegtay. Ma saxbaa?
referral-summary-confirm = Haa, dir
    .aliases = haa, dir, sax, waa sax
referral-summary-change = Wax beddel
    .aliases = maya, beddel, khalad
referral-summary-pick = Maxaad rabtaa inaad beddesho?
field-needs = Caawimada
field-story = Ereyadaada
field-name = Magac
field-dob = Taariikhda dhalashada
field-gp = Rugta dhakhtarka
field-contact = Xiriir
field-phone = Telefoon
field-best-time = Wakhtiga ugu fiican
field-postcode = Koodhka boostada
field-interpreter = Turjubaan
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] Waa adeeg deegaanka ah oo laga yaabo inuu caawiyo:
       *[other] Waa adeegyo deegaanka ah oo laga yaabo inay caawiyaan:
    }
referral-services-none = Hadda ma helin adeeg ku habboon. La-taliyaha bulshadu wuxuu yaqaan adeegyo badan oo kale, wuxuuna kaa caawin karaa inaad hesho kan saxda ah.
# Variables:
#   $name (String), $reference (String)
referral-queued = Mahadsanid, { $name }. Codsigaagu wuxuu gaaray kooxda la-talinta bulshada. Lambarka tixraaca waa { $reference }. La-taliye ayaa caadi ahaan kula soo xiriira 3 maalmood oo shaqo gudahood.
referral-goodbye = Is ilaali. Haddii aad si degdeg ah ugu baahato inaad qof la hadasho, wac NHS 111 oo dooro 2, ama wac Samaritans 116 123.
referral-anon-goodbye = Is ilaali. Soo noqo wakhti kasta haddii aad rabto in la-taliye bulsho kula soo xiriiro.

## Telegram

group-chat = Si waxa aad sheegto u ahaadaan qarsoodi, waxaan ku caawin karaa oo keliya sheeko gaar ah. Riix magacayga, kadibna "Send message".
not-text = Waxaan akhrin karaa oo keliya fariimaha qoraalka ah. Fadlan qor jawaabtaada, ama riix badhan.
command-start = Bilow ama sii wad codsigaaga
command-language = Beddel luqadda
command-back = Hal su'aal dib ugu noqo
command-restart = Bilowga ka bilow
command-help = Waxa aan qaban karo
command-mydata = Arag waxa aan kaa hayno
command-forget = Tirtir waxa aan kaa hayno

## Coming back with a callback waiting

waiting-intro = Ku soo dhawoow mar kale. Codsigaaga { $reference } wuxuu la jiraa kooxda la-talinta bulshada, qof ayaana kula soo xiriiri doona. Maxaad rabtaa inaad samayso?
waiting-message = U dar fariin iyaga
    .aliases = fariin
waiting-cancel = Jooji codsigayga
    .aliases = jooji
waiting-new = Bilow codsi cusub
    .aliases = cusub
waiting-message-ask = Qor fariintaada la-taliyaha bulshada.
waiting-message-saved = Mahadsanid. Fariintaada waxaa lagu daray codsigaaga { $reference }.
waiting-cancelled = Codsigaaga { $reference } waa la joojiyay. Wakhti kasta waad soo noqon kartaa.
callback-claimed = War wanaagsan: la-taliye bulsho ayaa eegaya codsigaaga { $reference } wuxuuna dhowaan kula soo xiriiri doonaa.

## Why a service was suggested

services-no-postcode = Koodh boosto la'aan ma raadin karo adeegyo kuu dhow, sidaas darteed waa kuwan degmada oo dhan iyo kuwa telefoonka ama internetka.
reason-near = Kuu dhow ({ $district })
reason-borough = Meel kasta oo Tower Hamlets ah
reason-anywhere = Telefoon ama internet
reason-language = Waxay ku hadlaan luqaddaada
reason-free = Bilaash

## Xogtaada: /mydata iyo /forget

mydata-intro = Halkan waa wax kasta oo aan kaa hayno. Adiga oo keliya ayaa arki kara sheekadan.
mydata-nothing = Waxba kaama hayno: jawaab iyo codsi midna.
mydata-conversation = Jawaabahaaga ilaa hadda:
mydata-referral = Codsigaaga { $reference }, la sameeyay { $date }: { $status ->
        [open] wuxuu sugayaa la-taliye bulsho.
        [claimed] la-taliye bulsho ayaa wax ka qabanaya.
       *[closed] waa la xiray.
    }
mydata-consent = Waxaad oggolaatay ogeysiiskayaga asturnaanta (nooca { $version }) { $date }.
mydata-services = Adeegyada aan kuu soo jeedinnay: { $services }
mydata-your-message = Fariintaada { $date }: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = Markii aan ku tusnay meesha caawimada laga helo, { $date }, waxaad qortay: { $text }
mydata-team-notes = { $count ->
        [one] Kooxdu hal qoraal ayay ka qortay codsigaaga. Weydii haddii aad rabto nuqul.
       *[other] Kooxdu { $count } qoraal ayay ka qortay codsigaaga. Weydii haddii aad rabto nuqul.
    }
mydata-outcome = Waxa dhacay: { $outcome }
mydata-footer = Si aad waxan oo dhan u tirtirto, dir /forget.
forget-confirm = Tani waxay tirtiraysaa jawaabahaaga iyo codsi kasta oo wali sugaya, markaa qofna kuuma soo wici doono. Ma hubtaa?
forget-yes = Haa, tirtir
    .aliases = haa, tirtir
forget-no = Maya, hay
    .aliases = maya, hay
forget-done = Waa la sameeyay: waxaan tirtirnay wixii aan kaa haynay. Waxaan hayn oo keliya qoraal sheegaya in tirtir dhacay, oo aan waxba kaa ku jirin. Wakhti kasta waxaad dib ugu bilaabi kartaa /start.
forget-kept = Waxba lama tirtirin.
slow-down = Fariimo aad u dhakhso badan ayaad soo diraysaa, markaa qaar waan ka boodnay. Fadlan in yar sug, kadibna sii wad.
store-failed = Raali ahow, dhinacayaga ayaa wax ka khaldamay, mana kaydin karin taas. Fadlan isku day mar kale dhowr daqiiqo kadib.
