# signpost: Urdu (ur), written right to left.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = اردو
    .aliases = urdu
language-pick = آپ کون سی زبان استعمال کرنا چاہیں گے؟

## Said by signpost itself, at any step

welcome-back = خوش آمدید۔ ہم یہاں تک پہنچے تھے:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    میں آپ کی درخواست ایک سوشل پریسکرائبر تک پہنچاتا ہوں، جو آپ سے رابطہ کریں گے۔
    { $buttons ->
        [typed] کسی انتخاب کا نمبر، یا اس کے الفاظ لکھیں۔ آپ یہ بھی لکھ سکتے ہیں:
       *[tapped] کوئی بٹن دبائیں، یا اس کا نمبر لکھیں۔ آپ یہ بھی لکھ سکتے ہیں:
    }
    واپس (back): ایک سوال پیچھے جائیں
    دوبارہ (restart): بالکل شروع سے
    language: زبان بدلیں
    /mydata: ہمارے پاس آپ کے بارے میں جو کچھ ہے، سب دیکھیں
    /forget: ہمارے پاس آپ کے بارے میں جو کچھ ہے، سب مٹا دیں
    اگر آپ ابھی خطرے میں ہیں تو 999 پر کال کریں۔
restarted = آئیے دوبارہ شروع کرتے ہیں۔
cannot-go-back = یہاں سے مزید پیچھے نہیں جا سکتے۔
stale-choice = وہ بٹن پچھلے سوال کا تھا۔ ہم اب اس سوال پر ہیں:
choose-one = معاف کیجیے، میں سمجھ نہیں سکا۔ نیچے دیے گئے جوابات میں سے ایک چنیں، یا اس کا نمبر لکھیں۔
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] کم از کم ایک چنیں، پھر "ہو گیا" چنیں۔
       *[other] کم از کم { $min } چنیں، پھر "ہو گیا" چنیں۔
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = یہ کچھ لمبا ہے۔ براہ کرم { $max } حروف سے کم لکھیں۔
please-type = براہ کرم جواب لکھیں، یا نیچے دیے گئے جوابات میں سے ایک چنیں۔
content-changed = معاف کیجیے، ہماری پچھلی بات کے بعد یہ سروس بدل گئی ہے، اس لیے ہمیں دوبارہ شروع کرنا ہوگا۔
conversation-over = ہماری بات مکمل ہو گئی۔ نئی درخواست کے لیے "دوبارہ" لکھیں۔
unreadable-input = معاف کیجیے، میں اسے پڑھ نہیں سکا۔ براہ کرم دوبارہ لکھیں۔
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
summary-not-given = نہیں بتایا
keywords-back = واپس, پیچھے, wapas, peeche
keywords-restart = دوبارہ, نئے سرے سے, dobara
keywords-help = مدد, madad

## Crisis

crisis-help =
    لگتا ہے اس وقت آپ پر بہت مشکل وقت ہے۔ آپ کو اکیلے اس کا سامنا نہیں کرنا۔
    اگر آپ ابھی خطرے میں ہیں تو 999 پر کال کریں۔
    ذہنی صحت کی فوری مدد کے لیے NHS 111 پر کال کریں اور آپشن 2 چنیں، دن ہو یا رات۔
    Samaritans کسی بھی وقت آپ کی بات سنیں گے: 116 123 پر کال کریں، مفت۔
    یا مفت اور رازدارانہ مدد کے لیے SHOUT لکھ کر 85258 پر ٹیکسٹ کریں۔
crisis-resume = جب آپ تیار ہوں تو ہم آگے چل سکتے ہیں۔ اگر آپ درخواست بھیجیں گے تو سوشل پریسکرائبر اسے سب سے پہلے دیکھیں گے۔
crisis-danger =
    اگر آپ ابھی خطرے میں ہیں تو 999 پر کال کریں۔ اگر آپ محفوظ طریقے سے بات نہیں کر سکتے تو موبائل سے 999 پر کال کریں، سنیں، اور پوچھنے پر 55 دبائیں: انہیں پتا چل جائے گا کہ آپ کو مدد چاہیے۔
    National Domestic Abuse Helpline، مفت، دن ہو یا رات: 0808 2000 247۔
    اگر آپ کی زبردستی شادی کی جا رہی ہے، یا خاندان کی "عزت" کے نام پر دھمکی دی جا رہی ہے: Karma Nirvana، 0800 5999 247۔
    اگر کسی بچے کو تکلیف دی جا رہی ہے: 999 پر کال کریں، یا NSPCC کو 0808 800 5000 پر۔
    یہ آپ کا قصور نہیں، اور آپ کو اکیلے اس کا سامنا نہیں کرنا۔
crisis-ask-self = میں آپ سے سیدھا پوچھ رہا ہوں، کیونکہ یہ اہم ہے: کیا آپ کو اپنی زندگی ختم کرنے کے خیال آ رہے ہیں؟
crisis-ask-danger = میں یقین کرنا چاہتا ہوں کہ آپ محفوظ ہیں: کیا آپ کو ڈر ہے کہ کوئی آپ کو نقصان پہنچائے گا، یا کیا آپ ابھی خطرے میں ہیں؟
crisis-ask-yes = ہاں
    .aliases = ہاں, جی, جی ہاں, haan, han, ji, jee
crisis-ask-no = نہیں
    .aliases = نہیں, نا, nahi, nahin, na
crisis-ask-thanks = بتانے کا شکریہ۔ اگر حالات بدلیں، یا کبھی آپ خود کو غیر محفوظ محسوس کریں، تو 999 پر کال کریں، یا Samaritans کو مفت 116 123 پر، دن ہو یا رات۔
crisis-ask-again = براہ کرم ہاں یا نہیں میں جواب دیں، تاکہ مجھے پتا چلے کہ میں بہترین مدد کیسے کروں۔

## The self-referral

referral-welcome =
    خوش آمدید۔ میں آپ کی درخواست ٹاور ہیملٹس کی سوشل پریسکرائبنگ ٹیم تک پہنچا سکتا ہوں۔
    سوشل پریسکرائبر آپ کی بات سنتے ہیں، پھر مقامی مدد ڈھونڈنے میں مدد کرتے ہیں: اداسی یا تنہائی، پیسے، رہائش، کام، کسی کی دیکھ بھال، چلنا پھرنا، اور بہت کچھ۔ یہ مفت ہے۔
    آپ کسی بھی وقت "واپس"، "دوبارہ" یا "مدد" لکھ سکتے ہیں۔
referral-privacy =
    پہلے یہ کہ ہم آپ کی باتوں کی حفاظت کیسے کرتے ہیں:
    ہم آپ کے جوابات محفوظ رکھتے ہیں۔ انہیں صرف سوشل پریسکرائبنگ ٹیم دیکھتی ہے، تاکہ آپ سے رابطہ کر سکے۔ ضرورت ختم ہونے پر ہم انہیں مٹا دیتے ہیں۔ آپ کسی بھی وقت انہیں دیکھنے یا مٹانے کا کہہ سکتے ہیں۔
    کیا اس کے لیے آپ کے جوابات رکھنا ٹھیک ہے؟
referral-privacy-yes = جی ہاں، ٹھیک ہے
    .aliases = ہاں, جی, جی ہاں, ٹھیک ہے, منظور, haan, ji, theek hai
referral-privacy-no = نہیں، صرف سروسز دکھائیں
    .aliases = نہیں, صرف سروسز, nahi, nahin
referral-anon-needs = ٹھیک ہے۔ ہم آپ کے بارے میں کچھ نہیں رکھیں گے۔ آپ کس چیز میں مدد چاہتے ہیں؟ جتنے چاہیں چنیں، پھر "ہو گیا" چنیں۔
referral-needs = اس وقت آپ کو کیا چیز متاثر کر رہی ہے؟ جتنے چاہیں چنیں، پھر "ہو گیا" چنیں۔
referral-needs-done = ہو گیا
    .aliases = ہو گیا, بس, مکمل, ho gaya, bas
need-mental = اداسی یا پریشانی
    .aliases = اداس, پریشان, پریشانی, ڈپریشن, ٹینشن, فکر, pareshan, udas, tension
need-physical = صحت اور ورزش
    .aliases = صحت, ورزش, جسمانی, sehat, warzish
need-money = پیسے اور قرض
    .aliases = پیسے, پیسہ, قرض, بل, رقم, paise, qarz
need-housing = رہائش
    .aliases = گھر, رہائش, مکان, کرایہ, ghar, makan
need-work = کام اور تربیت
    .aliases = کام, نوکری, ملازمت, تربیت, kaam, naukri
need-caring = کسی کی دیکھ بھال
    .aliases = دیکھ بھال, نگہداشت, dekh bhal
need-lonely = تنہائی
    .aliases = تنہا, اکیلا, اکیلی, تنہائی, akela, akeli, tanha
need-food = کھانا
    .aliases = کھانا, خوراک, بھوک, khana
need-other = کچھ اور
    .aliases = کچھ اور, دوسرا
referral-story = کیا آپ ہمیں کچھ اور بتانا چاہیں گے؟ جتنا چاہیں لکھیں۔
referral-story-skip = نہیں، شکریہ
    .aliases = نہیں, نہیں شکریہ, کچھ نہیں, nahi, nahi shukriya
referral-name = ہم آپ کو کس نام سے پکاریں؟
referral-name-invalid = براہ کرم حروف میں نام لکھیں۔
referral-dob = آپ کی تاریخ پیدائش کیا ہے؟ مثلاً: 25/12/1970۔ آپ کا جی پی سرجری اسی سے آپ کا ریکارڈ ڈھونڈتا ہے۔
referral-dob-skip = نہیں بتانا چاہتا
    .aliases = نہیں, نہیں بتانا, nahi
referral-dob-invalid = معاف کیجیے، یہ تاریخ سمجھ نہیں آئی۔ دن/مہینہ/سال لکھیں، جیسے 25/12/1970۔
referral-gp = آپ کس جی پی سرجری میں رجسٹرڈ ہیں؟
referral-gp-skip = معلوم نہیں
    .aliases = معلوم نہیں, پتا نہیں, پتہ نہیں, نہیں معلوم, pata nahi, maloom nahi
referral-contact = ہم آپ سے کیسے رابطہ کریں؟
referral-contact-phone = مجھے فون کریں
    .aliases = فون, کال
referral-contact-message = یہیں میسج کریں
    .aliases = میسج, پیغام
referral-phone = ہم کس نمبر پر فون کریں؟ مثلاً: 07700 900123۔
referral-phone-invalid = یہ برطانیہ کا فون نمبر نہیں لگتا۔ ایسے لکھیں: 07700 900123 یا 020 7946 0000۔
referral-best-time = آپ کو فون کرنے کا بہترین وقت کیا ہے؟
referral-time-morning = صبح (9 سے 12)
    .aliases = صبح, subah
referral-time-afternoon = دوپہر (12 سے 5)
    .aliases = دوپہر, سہ پہر, dopahar
referral-time-any = کسی بھی وقت
    .aliases = کسی بھی وقت, کبھی بھی, koi bhi waqt
referral-postcode = آپ کا پوسٹ کوڈ کیا ہے؟ اس سے قریبی سروسز ڈھونڈنے میں مدد ملتی ہے۔
referral-postcode-skip = معلوم نہیں
    .aliases = معلوم نہیں, پتا نہیں, پتہ نہیں, نہیں معلوم, pata nahi, maloom nahi
referral-postcode-invalid = معاف کیجیے، یہ برطانیہ کا پوسٹ کوڈ نہیں لگتا۔ ایسے لکھیں: E1 6AN۔
referral-interpreter = کیا رابطے کے وقت آپ کو ترجمان چاہیے؟
interpreter-none = نہیں، شکریہ
    .aliases = نہیں, ضرورت نہیں, nahi
interpreter-bn = بنگالی
    .aliases = بنگالی
interpreter-syl = سلہٹی
    .aliases = سلہٹی
interpreter-so = صومالی
    .aliases = صومالی
interpreter-ur = اردو
    .aliases = اردو
interpreter-ar = عربی
    .aliases = عربی
interpreter-pl = پولش
    .aliases = پولش
interpreter-zh = چینی
    .aliases = چینی
interpreter-tr = ترکی
    .aliases = ترکی
interpreter-other = کوئی اور زبان
    .aliases = کوئی اور زبان, دوسری زبان
referral-summary = آپ نے ہمیں یہ بتایا ہے۔ کیا یہ درست ہے؟
referral-summary-confirm = جی ہاں، بھیج دیں
    .aliases = ہاں, جی, جی ہاں, ٹھیک ہے, بھیج دیں, haan, ji, theek hai
referral-summary-change = کچھ بدلنا ہے
    .aliases = نہیں, بدلنا, غلط, nahi
referral-summary-pick = آپ کیا بدلنا چاہتے ہیں؟
field-needs = مدد کس بارے میں
field-story = آپ کے الفاظ میں
field-name = نام
field-dob = تاریخ پیدائش
field-gp = جی پی سرجری
field-contact = رابطہ
field-phone = فون
field-best-time = بہترین وقت
field-postcode = پوسٹ کوڈ
field-interpreter = ترجمان
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] ایک مقامی سروس جو شاید مدد کر سکے:
       *[other] کچھ مقامی سروسز جو شاید مدد کر سکیں:
    }
referral-services-none = ابھی کوئی مناسب سروس نہیں ملی۔ سوشل پریسکرائبر بہت سی اور سروسز جانتے ہیں اور صحیح سروس ڈھونڈنے میں مدد کر سکتے ہیں۔
# Variables:
#   $name (String), $reference (String)
referral-queued = شکریہ، { $name }۔ آپ کی درخواست سوشل پریسکرائبنگ ٹیم تک پہنچ گئی ہے۔ آپ کا حوالہ نمبر { $reference } ہے۔ عام طور پر 3 کاروباری دنوں میں سوشل پریسکرائبر رابطہ کرتے ہیں۔
referral-goodbye = اپنا خیال رکھیں۔ اگر فوری طور پر کسی سے بات کرنی ہو تو NHS 111 پر کال کر کے آپشن 2 چنیں، یا Samaritans کو 116 123 پر کال کریں۔
referral-anon-goodbye = اپنا خیال رکھیں۔ اگر آپ چاہیں کہ سوشل پریسکرائبر آپ سے رابطہ کریں تو کسی بھی وقت واپس آئیں۔

## Telegram

group-chat = آپ کی باتیں راز رہیں، اس لیے میں صرف نجی چیٹ میں مدد کر سکتا ہوں۔ میرے نام پر دبائیں، پھر "Send message" دبائیں۔
not-text = میں صرف لکھے ہوئے پیغامات پڑھ سکتا ہوں۔ براہ کرم جواب لکھیں، یا کوئی بٹن دبائیں۔
command-start = اپنی درخواست شروع کریں یا جاری رکھیں
command-language = زبان بدلیں
command-back = ایک سوال پیچھے جائیں
command-restart = شروع سے دوبارہ
command-help = میں کیا کر سکتا ہوں
command-mydata = دیکھیں ہمارے پاس آپ کے بارے میں کیا ہے
command-forget = آپ کے بارے میں معلومات مٹائیں

## Coming back with a callback waiting

waiting-intro = خوش آمدید۔ آپ کی درخواست { $reference } سوشل پریسکرائبنگ ٹیم کے پاس ہے، اور کوئی آپ سے رابطہ کرے گا۔ آپ کیا کرنا چاہیں گے؟
waiting-message = ان کے لیے پیغام شامل کریں
    .aliases = پیغام, میسج
waiting-cancel = میری درخواست منسوخ کریں
    .aliases = منسوخ
waiting-new = نئی درخواست شروع کریں
    .aliases = نئی
waiting-message-ask = سوشل پریسکرائبر کے لیے اپنا پیغام لکھیں۔
waiting-message-saved = شکریہ۔ آپ کا پیغام آپ کی درخواست { $reference } کے ساتھ ہے۔
waiting-cancelled = آپ کی درخواست { $reference } منسوخ کر دی گئی۔ آپ کسی بھی وقت واپس آ سکتے ہیں۔
callback-claimed = اچھی خبر: ایک سوشل پریسکرائبر آپ کی درخواست { $reference } دیکھ رہے ہیں اور جلد رابطہ کریں گے۔

## Why a service was suggested

services-no-postcode = پوسٹ کوڈ کے بغیر میں قریبی سروسز نہیں ڈھونڈ سکتا، اس لیے پورے بورو کی سروسز اور فون یا آن لائن سروسز دکھا رہا ہوں۔
reason-near = آپ کے قریب ({ $district })
reason-borough = ٹاور ہیملٹس میں کہیں بھی
reason-anywhere = فون یا آن لائن
reason-language = آپ کی زبان بولتے ہیں
reason-free = مفت

## آپ کا ڈیٹا: /mydata اور /forget

mydata-intro = یہ وہ سب کچھ ہے جو ہمارے پاس آپ کے بارے میں ہے۔ یہ چیٹ صرف آپ دیکھ سکتے ہیں۔
mydata-nothing = ہمارے پاس آپ کے بارے میں کچھ نہیں: نہ کوئی جواب، نہ کوئی درخواست۔
mydata-conversation = اب تک آپ کے جوابات:
mydata-referral = آپ کی درخواست { $reference }، { $date } کو کی گئی: { $status ->
        [open] سوشل پریسکرائبر کا انتظار ہے۔
        [claimed] ایک سوشل پریسکرائبر اسے دیکھ رہے ہیں۔
       *[closed] بند ہے۔
    }
mydata-consent = آپ نے { $date } کو ہمارے رازداری کے نوٹس (ورژن { $version }) سے اتفاق کیا۔
mydata-services = ہم نے جو خدمات تجویز کیں: { $services }
mydata-your-message = { $date } کا آپ کا پیغام: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = جب ہم نے { $date } کو آپ کو مدد کے نمبر دکھائے، آپ نے لکھا تھا: { $text }
mydata-team-notes = { $count ->
        [one] ٹیم نے آپ کی درخواست پر ایک نوٹ لکھا ہے۔ اگر آپ کاپی چاہتے ہیں تو ان سے کہیں۔
       *[other] ٹیم نے آپ کی درخواست پر { $count } نوٹ لکھے ہیں۔ اگر آپ کاپی چاہتے ہیں تو ان سے کہیں۔
    }
mydata-outcome = کیا ہوا: { $outcome }
mydata-footer = یہ سب مٹانے کے لیے /forget بھیجیں۔
forget-confirm = اس سے آپ کے جوابات اور انتظار میں موجود کوئی بھی درخواست مٹ جائے گی، اس لیے اس بارے میں کوئی آپ کو فون نہیں کرے گا۔ کیا آپ کو یقین ہے؟
forget-yes = ہاں، مٹا دیں
    .aliases = ہاں, جی, جی ہاں, مٹا دیں, haan
forget-no = نہیں، رہنے دیں
    .aliases = نہیں, رہنے دیں, nahi
forget-done = ہو گیا: ہمارے پاس آپ کے بارے میں جو تھا، ہم نے مٹا دیا۔ ہم صرف یہ نوٹ رکھتے ہیں کہ مٹایا گیا، اس میں آپ کے بارے میں کچھ نہیں۔ آپ کسی بھی وقت /start سے دوبارہ شروع کر سکتے ہیں۔
forget-kept = کچھ نہیں مٹایا گیا۔
slow-down = آپ بہت تیزی سے پیغامات بھیج رہے ہیں، اس لیے میں نے کچھ چھوڑ دیے۔ براہ کرم تھوڑا رکیں، پھر جاری رکھیں۔
store-failed = معذرت، ہماری طرف کچھ خرابی ہوئی اور میں اسے محفوظ نہیں کر سکا۔ چند منٹ بعد دوبارہ کوشش کریں۔
