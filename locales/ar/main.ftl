# signpost: Arabic (ar), written right to left.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = العربية
    .aliases = arabic, arabi, عربي, عربية
language-pick = ما اللغة التي تريد استخدامها؟

## Said by signpost itself, at any step

welcome-back = أهلاً بعودتك. هذا ما وصلنا إليه:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    أنا هنا لأوصل طلبك إلى مرشد اجتماعي سيتواصل معك.
    { $buttons ->
        [typed] اكتب رقم الخيار، أو كلماته. يمكنك أيضاً أن تكتب:
       *[tapped] اضغط على زر، أو اكتب رقمه. يمكنك أيضاً أن تكتب:
    }
    رجوع (back): للعودة سؤالاً واحداً
    من جديد (restart): للبدء من البداية
    language: لتغيير اللغة
    /mydata: لترى كل ما نحتفظ به عنك
    /forget: لتمحو كل ما نحتفظ به عنك
    إذا كنت في خطر الآن، اتصل بالرقم 999.
restarted = لنبدأ من جديد.
cannot-go-back = لا يمكننا الرجوع أكثر من هنا.
stale-choice = هذا الزر من سؤال سابق. هذا هو السؤال الذي نحن فيه الآن:
choose-one = عذراً، لم أفهم. اختر إحدى الإجابات أدناه، أو اكتب رقمها.
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [zero] اختر "تم" عندما تكون جاهزاً.
        [one] اختر خياراً واحداً على الأقل، ثم اختر "تم".
        [two] اختر خيارين على الأقل، ثم اختر "تم".
        [few] اختر { $min } خيارات على الأقل، ثم اختر "تم".
        [many] اختر { $min } خياراً على الأقل، ثم اختر "تم".
       *[other] اختر { $min } خيار على الأقل، ثم اختر "تم".
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = هذا طويل قليلاً. من فضلك اكتب أقل من { $max } حرف.
please-type = من فضلك اكتب إجابة، أو اختر إحدى الإجابات أدناه.
content-changed = عذراً، تم تحديث هذه الخدمة منذ آخر حديث بيننا، لذا علينا أن نبدأ من جديد.
conversation-over = لقد انتهينا. اكتب "من جديد" إذا أردت تقديم طلب جديد.
unreadable-input = عذراً، لم أستطع قراءة ذلك. من فضلك اكتبه مرة أخرى.
# Variables:
#   $name (String) - the service's name
#   $organisation (String) - who runs it
#   $description (String) - what it does
#   $opening (String) - its opening time as a line (opening-line in opening.ftl), or empty
#   $contact (String) - its phone number or website
#   $why (String) - why it was suggested
service-line =
    { $name } ({ $organisation })
    { $description }
    { $opening }
    { $contact }
    { $why }
# Variables:
#   $label (String) - what the answer is, like "الاسم"
#   $value (String) - the answer
summary-line = { $label }: { $value }
summary-not-given = لم يُذكر
# Words people can type instead of the buttons, separated by commas.
keywords-back = رجوع, ارجع
keywords-restart = من جديد, ابدأ من جديد
keywords-help = مساعدة

## Crisis

crisis-help =
    يبدو أن الأمور صعبة جداً عليك الآن. لست مضطراً لمواجهة هذا وحدك.
    إذا كنت في خطر الآن، اتصل بالرقم 999.
    للمساعدة العاجلة في الصحة النفسية، اتصل بـ NHS 111 واختر الخيار 2، ليلاً أو نهاراً.
    منظمة Samaritans تستمع إليك في أي وقت: اتصل بالرقم 116 123 مجاناً.
    أو أرسل كلمة SHOUT برسالة نصية إلى 85258 للحصول على دعم مجاني وسري.
crisis-resume = عندما تكون مستعداً، يمكننا المتابعة. إذا أرسلت طلبك، سيراه المرشد الاجتماعي أولاً.
crisis-danger =
    إذا كنت في خطر الآن، اتصل بالرقم 999. إذا لم تستطع الكلام بأمان، اتصل بـ 999 من هاتف محمول، واستمع، واضغط 55 عندما يُطلب منك: سيعرفون أنك تحتاج إلى مساعدة.
    الخط الوطني للمساعدة في العنف الأسري، مجاناً، ليلاً أو نهاراً: 0808 2000 247.
    إذا كنت تُجبر على الزواج، أو تُهدَّد بسبب "شرف" العائلة: Karma Nirvana على الرقم 0800 5999 247.
    إذا كان طفل يتعرض للأذى: اتصل بـ 999، أو بـ NSPCC على الرقم 0808 800 5000.
    هذا ليس ذنبك، ولست مضطراً لمواجهته وحدك.
crisis-ask-self = سأسألك بشكل مباشر لأن الأمر مهم: هل تراودك أفكار بإنهاء حياتك؟
crisis-ask-danger = أريد أن أتأكد أنك بأمان: هل تخاف أن يؤذيك أحد، أو هل أنت في خطر الآن؟
crisis-ask-yes = نعم
    .aliases = نعم, أيوه, ايوه, أجل, اي, na3am, aywa
crisis-ask-no = لا
    .aliases = لا, la
crisis-ask-thanks = شكراً لأنك أخبرتني. إذا تغيّر ذلك، أو شعرت يوماً أنك لست بأمان، اتصل بـ 999، أو بـ Samaritans مجاناً على 116 123، ليلاً أو نهاراً.
crisis-ask-again = من فضلك أجب بنعم أو لا، لأعرف كيف أساعدك بأفضل طريقة.

## The self-referral

referral-welcome =
    مرحباً بك. يمكنني إيصال طلبك إلى فريق الإرشاد الاجتماعي في تاور هاملتس.
    يستمع إليك المرشدون الاجتماعيون، ثم يساعدونك في إيجاد الدعم المحلي: عند الشعور بالحزن أو الوحدة، وفي المال، والسكن، والعمل، ورعاية شخص ما، وممارسة النشاط، وغير ذلك. الخدمة مجانية.
    يمكنك أن تكتب "رجوع" أو "من جديد" أو "مساعدة" في أي وقت.
referral-privacy =
    أولاً، كيف نحافظ على ما تخبرنا به:
    نحفظ إجاباتك بأمان. لا يراها إلا فريق الإرشاد الاجتماعي، ليتمكن من التواصل معك. نحذفها عندما لا تعود هناك حاجة إليها. يمكنك أن تطلب رؤيتها أو حذفها في أي وقت.
    هل توافق على أن نحتفظ بإجاباتك لهذا الغرض؟
referral-privacy-yes = نعم، موافق
    .aliases = نعم, موافق, أوافق, حسنا, تمام, na3am
referral-privacy-no = لا، اعرض الخدمات فقط
    .aliases = لا, الخدمات فقط, la
referral-anon-needs = لا بأس. لن نحتفظ بأي شيء عنك. في أي شيء تريد المساعدة؟ اختر ما تشاء، ثم اختر "تم".
referral-needs = ما الذي يؤثر عليك في هذه الفترة؟ اختر ما تشاء، ثم اختر "تم".
referral-needs-done = تم
    .aliases = تم, انتهيت, خلاص, khalas
need-mental = الحزن أو القلق
    .aliases = حزن, حزين, حزينة, قلق, اكتئاب, توتر, ضغط نفسي
need-physical = الصحة والنشاط البدني
    .aliases = صحة, الصحة, رياضة, نشاط
need-money = المال والديون
    .aliases = مال, فلوس, مصاري, ديون, دين, الديون, فواتير, الفواتير
need-housing = السكن
    .aliases = سكن, بيت, منزل, شقة, إيجار
need-work = العمل والتدريب
    .aliases = عمل, شغل, وظيفة, تدريب
need-caring = رعاية شخص ما
    .aliases = رعاية, أرعى
need-lonely = الشعور بالوحدة
    .aliases = وحدة, الوحدة, وحيد, وحيدة, عزلة, لوحدي
need-food = الطعام
    .aliases = طعام, أكل, جوع, جائع
need-other = شيء آخر
    .aliases = آخر, شيء آخر, غير ذلك
referral-story = هل تريد أن تخبرنا بالمزيد؟ اكتب بقدر ما تشاء.
referral-story-skip = لا، شكراً
    .aliases = لا, لا شكرا, لا شيء, la
referral-name = بأي اسم تحب أن نناديك؟
referral-name-invalid = من فضلك اكتب اسماً بالحروف.
referral-dob = ما تاريخ ميلادك؟ مثلاً: 25/12/1970. تستخدمه عيادة طبيبك العام للعثور على سجلك.
referral-dob-skip = أفضّل ألا أقول
    .aliases = لا, لا أريد, la
referral-dob-invalid = عذراً، لم أستطع قراءة هذا التاريخ. اكتب اليوم/الشهر/السنة، مثل 25/12/1970.
referral-gp = في أي عيادة طبيب عام (GP) أنت مسجّل؟
referral-gp-skip = لا أعرف
    .aliases = لا أعرف, ما بعرف, مش عارف, لا أدري, ما أعرف
referral-contact = كيف تريد أن نتواصل معك؟
referral-contact-phone = اتصلوا بي
    .aliases = هاتف, اتصال, اتصلوا, تلفون, تليفون
referral-contact-message = راسلوني هنا
    .aliases = رسالة, راسلوني, هنا
referral-phone = على أي رقم نتصل؟ مثلاً: 07700 900123.
referral-phone-invalid = لا يبدو هذا رقم هاتف بريطانياً. اكتبه هكذا: 07700 900123 أو 020 7946 0000.
referral-best-time = ما أفضل وقت للاتصال بك؟
referral-time-morning = صباحاً (من 9 إلى 12)
    .aliases = صباح, صباحا, الصبح
referral-time-afternoon = بعد الظهر (من 12 إلى 5)
    .aliases = بعد الظهر, الظهر, العصر
referral-time-any = أي وقت
    .aliases = أي وقت, اي وقت
referral-postcode = ما هو رمزك البريدي (postcode)؟ يساعدنا ذلك في إيجاد خدمات قريبة منك.
referral-postcode-skip = لا أعرف
    .aliases = لا أعرف, ما بعرف, مش عارف, لا أدري, ما أعرف
referral-postcode-invalid = عذراً، لا يبدو هذا رمزاً بريدياً بريطانياً. اكتبه هكذا: E1 6AN.
referral-interpreter = هل تحتاج إلى مترجم عندما نتواصل معك؟
interpreter-none = لا، شكراً
    .aliases = لا, لا حاجة, لا شكرا
interpreter-bn = البنغالية
    .aliases = البنغالية, بنغالي
interpreter-syl = السلهتية
    .aliases = السيلهتية, سيلهتي
interpreter-so = الصومالية
    .aliases = الصومالية, صومالي
interpreter-ur = الأردية
    .aliases = الأردية, أردو
interpreter-ar = العربية
    .aliases = العربية, عربي
interpreter-pl = البولندية
    .aliases = البولندية, بولندي
interpreter-zh = الصينية
    .aliases = الصينية, صيني
interpreter-tr = التركية
    .aliases = التركية, تركي
interpreter-other = لغة أخرى
    .aliases = لغة أخرى, أخرى
referral-summary = هذا ما أخبرتنا به. هل هو صحيح؟
referral-summary-confirm = نعم، أرسله
    .aliases = نعم, أرسل, صحيح, موافق, تمام
referral-summary-change = أريد تغيير شيء
    .aliases = لا, تغيير, غير, خطأ
referral-summary-pick = ماذا تريد أن تغيّر؟
field-needs = المساعدة في
field-story = بكلماتك
field-name = الاسم
field-dob = تاريخ الميلاد
field-gp = عيادة الطبيب العام
field-contact = التواصل
field-phone = الهاتف
field-best-time = أفضل وقت
field-postcode = الرمز البريدي
field-interpreter = مترجم
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] هذه خدمة محلية قد تساعدك:
        [two] هاتان خدمتان محليتان قد تساعدانك:
        [few] هذه { $count } خدمات محلية قد تساعدك:
        [many] هذه { $count } خدمة محلية قد تساعدك:
       *[other] هذه بعض الخدمات المحلية التي قد تساعدك:
    }
referral-services-none = لم أجد خدمة مناسبة الآن. يعرف المرشد الاجتماعي خدمات أكثر بكثير، ويمكنه مساعدتك في إيجاد المناسبة.
# Variables:
#   $name (String) - what the person asked to be called
#   $reference (String) - the referral reference, like SP-7K3Q
referral-queued = شكراً لك، { $name }. وصل طلبك إلى فريق الإرشاد الاجتماعي. رقمك المرجعي هو { $reference }. عادةً يتواصل معك مرشد اجتماعي خلال 3 أيام عمل.
referral-goodbye = اعتنِ بنفسك. إذا احتجت إلى التحدث مع أحد بشكل عاجل، اتصل بـ NHS 111 واختر الخيار 2، أو بمنظمة Samaritans على الرقم 116 123.
referral-anon-goodbye = اعتنِ بنفسك. عد في أي وقت إذا أردت أن يتواصل معك مرشد اجتماعي.

## Telegram

group-chat = لا يمكنني المساعدة إلا في محادثة خاصة، حتى يبقى ما تخبرني به خاصاً. اضغط على اسمي، ثم "Send message".
not-text = لا أستطيع قراءة إلا الرسائل المكتوبة. من فضلك اكتب إجابتك، أو اضغط على زر.
command-start = ابدأ طلبك أو تابعه
command-language = تغيير اللغة
command-back = الرجوع سؤالاً واحداً
command-restart = البدء من جديد
command-help = ما الذي يمكنني فعله
command-mydata = اطّلع على ما نحتفظ به عنك
command-forget = احذف ما نحتفظ به عنك

## Coming back with a callback waiting

waiting-intro = أهلاً بعودتك. طلبك { $reference } لدى فريق الإرشاد الاجتماعي، وسيتواصل معك أحد قريباً. ماذا تريد أن تفعل؟
waiting-message = أضف رسالة لهم
    .aliases = رسالة
waiting-cancel = ألغِ طلبي
    .aliases = إلغاء, ألغ
waiting-new = ابدأ طلباً جديداً
    .aliases = جديد
waiting-message-ask = اكتب رسالتك للمرشد الاجتماعي.
waiting-message-saved = شكراً لك. رسالتك محفوظة مع طلبك { $reference }.
waiting-cancelled = تم إلغاء طلبك { $reference }. يمكنك العودة في أي وقت.
callback-claimed = خبر سار: مرشد اجتماعي يطّلع على طلبك { $reference } وسيتواصل معك قريباً.

## Why a service was suggested

services-no-postcode = بدون الرمز البريدي لا أستطيع البحث عن خدمات قريبة منك، لذا هذه خدمات لكل المنطقة، وأخرى عبر الهاتف أو الإنترنت.
reason-near = قريبة منك ({ $district })
reason-borough = في أي مكان في تاور هاملتس
reason-anywhere = عبر الهاتف أو الإنترنت
reason-language = يتحدثون لغتك
reason-free = مجانية

## بياناتك: /mydata و /forget

mydata-intro = هذا كل ما نحتفظ به عنك. لا يرى هذه المحادثة أحد غيرك.
mydata-nothing = لا نحتفظ بأي شيء عنك: لا إجابات ولا طلب.
mydata-conversation = إجاباتك حتى الآن:
mydata-referral = طلبك { $reference }، بتاريخ { $date }: { $status ->
        [open] بانتظار مرشد اجتماعي.
        [claimed] يتابعه مرشد اجتماعي.
       *[closed] مغلق.
    }
mydata-consent = وافقت على إشعار الخصوصية (الإصدار { $version }) بتاريخ { $date }.
mydata-services = الخدمات التي اقترحناها: { $services }
mydata-your-message = رسالتك بتاريخ { $date }: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = عندما عرضنا عليك أين تجد المساعدة، بتاريخ { $date }، كتبت: { $text }
mydata-team-notes = { $count ->
        [zero] لم يكتب الفريق أي ملاحظة عن طلبك.
        [one] كتب الفريق ملاحظة واحدة عن طلبك. اطلب منهم نسخة إن أردت.
        [two] كتب الفريق ملاحظتين عن طلبك. اطلب منهم نسخة إن أردت.
        [few] كتب الفريق { $count } ملاحظات عن طلبك. اطلب منهم نسخة إن أردت.
       *[other] كتب الفريق { $count } ملاحظة عن طلبك. اطلب منهم نسخة إن أردت.
    }
mydata-outcome = ما حدث: { $outcome }
mydata-footer = لحذف كل هذا، أرسل /forget.
forget-confirm = سيحذف هذا إجاباتك وأي طلب ما زال بالانتظار، فلن يتصل بك أحد بشأنه. هل أنت متأكد؟
forget-yes = نعم، احذفه
    .aliases = نعم, احذف, امسح
forget-no = لا، أبقه
    .aliases = لا, أبقه, احتفظ
forget-done = تم: حذفنا ما كنا نحتفظ به عنك. نحتفظ فقط بملاحظة أن الحذف حدث، دون أي شيء عنك. يمكنك البدء من جديد في أي وقت بإرسال /start.
forget-kept = لم يُحذف شيء.
slow-down = أنت ترسل الرسائل بسرعة كبيرة، لذلك تجاوزت بعضها. انتظر لحظة من فضلك، ثم تابع.
store-failed = عذراً، حدث خطأ من جهتنا ولم أتمكن من حفظ ذلك. حاول مرة أخرى بعد بضع دقائق.
