# signpost: Bengali (bn).
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = বাংলা
    .aliases = bengali, bangla, bengla, বাংলা ভাষা
language-pick = আপনি কোন ভাষা ব্যবহার করতে চান?

## Said by signpost itself, at any step

welcome-back = আবার স্বাগতম। আমরা এখান পর্যন্ত এসেছিলাম:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    আমি আপনার অনুরোধ একজন সোশ্যাল প্রেসক্রাইবারের কাছে পৌঁছে দিই, তিনি আপনার সাথে যোগাযোগ করবেন।
    { $buttons ->
        [typed] একটি বিকল্পের নম্বর, বা তার কথাগুলো লিখুন। আপনি এগুলোও লিখতে পারেন:
       *[tapped] একটি বোতাম চাপুন, বা তার নম্বর লিখুন। আপনি এগুলোও লিখতে পারেন:
    }
    পেছনে (back): আগের প্রশ্নে ফিরে যান
    আবার শুরু (restart): একদম শুরু থেকে
    language: ভাষা বদলান
    /mydata: আমাদের কাছে আপনার যা কিছু আছে, সব দেখুন
    /forget: আমাদের কাছে আপনার যা কিছু আছে, সব মুছে ফেলুন
    আপনি এখনই বিপদে থাকলে 999 নম্বরে ফোন করুন।
restarted = চলুন আবার শুরু করি।
cannot-go-back = এখান থেকে আর পেছনে যাওয়া যাবে না।
stale-choice = ওই বোতামটি আগের একটি প্রশ্নের ছিল। আমরা এখন এই প্রশ্নে আছি:
choose-one = দুঃখিত, বুঝতে পারিনি। নিচের উত্তরগুলোর একটি বেছে নিন, অথবা তার নম্বর লিখুন।
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] অন্তত একটি বেছে নিন, তারপর "হয়ে গেছে" বেছে নিন।
       *[other] অন্তত { $min }টি বেছে নিন, তারপর "হয়ে গেছে" বেছে নিন।
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = এটি একটু বেশি লম্বা। অনুগ্রহ করে { $max } অক্ষরের মধ্যে লিখুন।
please-type = একটি উত্তর লিখুন, অথবা নিচের উত্তরগুলোর একটি বেছে নিন।
content-changed = দুঃখিত, শেষবার কথা বলার পর এই সেবাটি হালনাগাদ হয়েছে, তাই আমাদের আবার শুরু করতে হবে।
conversation-over = আমাদের কথা শেষ হয়েছে। নতুন অনুরোধ করতে চাইলে "আবার শুরু" লিখুন।
unreadable-input = দুঃখিত, এটি পড়তে পারিনি। অনুগ্রহ করে আবার লিখুন।
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
#   $label (String) - what the answer is, like "নাম"
#   $value (String) - the answer
summary-line = { $label }: { $value }
summary-not-given = দেওয়া হয়নি
# Words people can type instead of the buttons, separated by commas.
keywords-back = পেছনে, ফিরে যান, pichone
keywords-restart = আবার শুরু, abar shuru
keywords-help = সাহায্য, sahajjo

## Crisis

crisis-help =
    মনে হচ্ছে এখন আপনার খুব কঠিন সময় যাচ্ছে। আপনাকে একা এর মুখোমুখি হতে হবে না।
    আপনি এখনই বিপদে থাকলে 999 নম্বরে ফোন করুন।
    মানসিক স্বাস্থ্যের জরুরি সাহায্যের জন্য NHS 111 নম্বরে ফোন করে অপশন 2 বেছে নিন, দিনে বা রাতে যেকোনো সময়।
    Samaritans যেকোনো সময় আপনার কথা শুনবে: 116 123 নম্বরে ফোন করুন, বিনামূল্যে।
    অথবা বিনামূল্যে গোপন সহায়তার জন্য SHOUT লিখে 85258 নম্বরে টেক্সট করুন।
crisis-resume = আপনি প্রস্তুত হলে আমরা আবার চালিয়ে যেতে পারি। আপনি অনুরোধ পাঠালে একজন সোশ্যাল প্রেসক্রাইবার সেটি সবার আগে দেখবেন।
crisis-danger =
    আপনি এখনই বিপদে থাকলে 999 নম্বরে ফোন করুন। নিরাপদে কথা বলতে না পারলে মোবাইল থেকে 999-এ ফোন করে শুনুন, আর জিজ্ঞেস করলে 55 চাপুন: তারা বুঝবে আপনার সাহায্য দরকার।
    National Domestic Abuse Helpline, বিনামূল্যে, দিনে বা রাতে: 0808 2000 247।
    আপনাকে জোর করে বিয়ে দেওয়া হলে, বা পরিবারের "সম্মান" নিয়ে হুমকি দেওয়া হলে: Karma Nirvana, 0800 5999 247।
    কোনো শিশুকে কষ্ট দেওয়া হলে: 999-এ ফোন করুন, অথবা NSPCC 0808 800 5000।
    এটা আপনার দোষ নয়, আর আপনাকে একা এর মুখোমুখি হতে হবে না।
crisis-ask-self = আমি সরাসরি জিজ্ঞেস করছি, কারণ এটা জরুরি: আপনার কি নিজের জীবন শেষ করে দেওয়ার চিন্তা আসছে?
crisis-ask-danger = আমি নিশ্চিত হতে চাই আপনি নিরাপদ আছেন: আপনি কি ভয় পাচ্ছেন কেউ আপনাকে আঘাত করবে, বা আপনি কি এখন বিপদে আছেন?
crisis-ask-yes = হ্যাঁ
    .aliases = হ্যাঁ, হাঁ, হ্যা, জি, জি হ্যাঁ, ha, haa, hya, ji
crisis-ask-no = না
    .aliases = না, নাহ, na, nah
crisis-ask-thanks = আমাকে বলার জন্য ধন্যবাদ। পরিস্থিতি বদলালে, বা কখনো নিজেকে অনিরাপদ মনে হলে, 999-এ ফোন করুন, অথবা Samaritans-কে বিনামূল্যে 116 123 নম্বরে, দিনে বা রাতে।
crisis-ask-again = দয়া করে হ্যাঁ বা না বলুন, যাতে আমি বুঝতে পারি কীভাবে সবচেয়ে ভালো সাহায্য করা যায়।

## The self-referral

referral-welcome =
    স্বাগতম। আমি আপনার অনুরোধ টাওয়ার হ্যামলেটসের সোশ্যাল প্রেসক্রাইবিং টিমের কাছে পৌঁছে দিতে পারি।
    সোশ্যাল প্রেসক্রাইবাররা আপনার কথা শোনেন, তারপর এলাকার সহায়তা খুঁজে পেতে সাহায্য করেন: মন খারাপ বা একাকীত্ব, টাকা-পয়সা, বাসস্থান, কাজ, কারও দেখাশোনা, সক্রিয় থাকা, এবং আরও অনেক কিছু। এটি বিনামূল্যে।
    যেকোনো সময় "পেছনে", "আবার শুরু" বা "সাহায্য" লিখতে পারেন।
referral-privacy =
    প্রথমে, আপনি যা বলবেন তা আমরা কীভাবে সুরক্ষিত রাখি:
    আমরা আপনার উত্তরগুলো নিরাপদে রাখি। শুধু সোশ্যাল প্রেসক্রাইবিং টিম সেগুলো দেখে, যাতে তারা আপনার সাথে যোগাযোগ করতে পারে। প্রয়োজন শেষ হলে আমরা সেগুলো মুছে ফেলি। যেকোনো সময় আপনি সেগুলো দেখতে বা মুছে ফেলতে বলতে পারেন।
    এর জন্য আপনার উত্তরগুলো রাখা কি ঠিক আছে?
referral-privacy-yes = হ্যাঁ, ঠিক আছে
    .aliases = হ্যাঁ, হ্যা, ঠিক আছে, রাজি, জি, ha, hya, thik ache, ji
referral-privacy-no = না, শুধু সেবাগুলো দেখান
    .aliases = না, শুধু সেবা, na
referral-anon-needs = ঠিক আছে। আমরা আপনার সম্পর্কে কিছুই রাখব না। কোন বিষয়ে সাহায্য চান? যতগুলো ইচ্ছা বেছে নিন, তারপর "হয়ে গেছে" বেছে নিন।
referral-needs = এখন কোন বিষয়গুলো আপনাকে প্রভাবিত করছে? যতগুলো ইচ্ছা বেছে নিন, তারপর "হয়ে গেছে" বেছে নিন।
referral-needs-done = হয়ে গেছে
    .aliases = হয়ে গেছে, শেষ, ব্যস, hoye geche, shesh
need-mental = মন খারাপ বা দুশ্চিন্তা
    .aliases = মন খারাপ, দুশ্চিন্তা, চিন্তা, উদ্বেগ, বিষণ্ণ, ডিপ্রেশন, টেনশন, mon kharap, tension, chinta
need-physical = স্বাস্থ্য ও সক্রিয় থাকা
    .aliases = স্বাস্থ্য, শরীর, ব্যায়াম, অসুখ, shasthyo, byayam
need-money = টাকা-পয়সা ও ঋণ
    .aliases = টাকা, পয়সা, ঋণ, দেনা, বিল, বেনিফিট, taka, rin
need-housing = বাসস্থান
    .aliases = বাসা, বাড়ি, ঘর, বাসস্থান, ভাড়া, বাড়িওয়ালা, basa, bari
need-work = কাজ ও প্রশিক্ষণ
    .aliases = কাজ, চাকরি, প্রশিক্ষণ, কোর্স, kaj, chakri
need-caring = কারও দেখাশোনা করা
    .aliases = দেখাশোনা, যত্ন, কেয়ারার, dekhashona
need-lonely = একাকীত্ব
    .aliases = একা, একাকী, একাকীত্ব, নিঃসঙ্গ, eka, ekakitto
need-food = খাবার
    .aliases = খাবার, খাদ্য, ক্ষুধা, ফুড ব্যাংক, khabar
need-other = অন্য কিছু
    .aliases = অন্য, অন্য কিছু, onno
referral-story = আপনি কি আমাদের আরেকটু বলতে চান? যত ইচ্ছা কম বা বেশি লিখুন।
referral-story-skip = না, ধন্যবাদ
    .aliases = না, না ধন্যবাদ, কিছু না, na, na dhonnobad
referral-name = আমরা আপনাকে কী নামে ডাকব?
referral-name-invalid = অনুগ্রহ করে অক্ষর দিয়ে একটি নাম লিখুন।
referral-dob = আপনার জন্মতারিখ কী? যেমন: 25/12/1970। আপনার জিপি সার্জারি এটি দিয়ে আপনার রেকর্ড খুঁজে পায়।
referral-dob-skip = বলতে চাই না
    .aliases = বলব না, না, na
referral-dob-invalid = দুঃখিত, তারিখটি পড়তে পারিনি। দিন/মাস/বছর লিখুন, যেমন 25/12/1970।
referral-gp = আপনি কোন জিপি সার্জারিতে নিবন্ধিত?
referral-gp-skip = জানি না
    .aliases = জানি না, জানিনা, জানা নেই, jani na, janina
referral-contact = আমরা কীভাবে আপনার সাথে যোগাযোগ করব?
referral-contact-phone = আমাকে ফোন করুন
    .aliases = ফোন, কল, ফোন করুন
referral-contact-message = এখানে মেসেজ দিন
    .aliases = মেসেজ, বার্তা, এখানে
referral-phone = কোন নম্বরে ফোন করব? যেমন: 07700 900123।
referral-phone-invalid = এটি যুক্তরাজ্যের ফোন নম্বর মনে হচ্ছে না। এভাবে লিখুন: 07700 900123 বা 020 7946 0000।
referral-best-time = আপনাকে ফোন করার সবচেয়ে ভালো সময় কখন?
referral-time-morning = সকাল (9টা থেকে 12টা)
    .aliases = সকাল, সকালে, shokal, sokal
referral-time-afternoon = দুপুর-বিকেল (12টা থেকে 5টা)
    .aliases = দুপুর, বিকেল, বিকালে, dupur, bikel
referral-time-any = যেকোনো সময়
    .aliases = যেকোনো, যে কোনো সময়, যখন খুশি, jekono
referral-postcode = আপনার পোস্টকোড কী? এতে আপনার কাছাকাছি সেবা খুঁজে পেতে সুবিধা হয়।
referral-postcode-skip = জানি না
    .aliases = জানি না, জানিনা, জানা নেই, jani na, janina
referral-postcode-invalid = দুঃখিত, এটি যুক্তরাজ্যের পোস্টকোড মনে হচ্ছে না। এভাবে লিখুন: E1 6AN।
referral-interpreter = যোগাযোগের সময় কি আপনার দোভাষী লাগবে?
interpreter-none = না, ধন্যবাদ
    .aliases = না, লাগবে না, দরকার নেই, na, lagbe na
interpreter-bn = বাংলা
    .aliases = বাংলা
interpreter-syl = সিলেটি
    .aliases = সিলেটি, ছিলটি
interpreter-so = সোমালি
    .aliases = সোমালি
interpreter-ur = উর্দু
    .aliases = উর্দু
interpreter-ar = আরবি
    .aliases = আরবি
interpreter-pl = পোলিশ
    .aliases = পোলিশ
interpreter-zh = চীনা
    .aliases = চীনা, চাইনিজ
interpreter-tr = তুর্কি
    .aliases = তুর্কি
interpreter-other = অন্য ভাষা
    .aliases = অন্য, অন্য ভাষা
referral-summary = আপনি আমাদের যা বলেছেন তা এখানে। এটা কি ঠিক আছে?
referral-summary-confirm = হ্যাঁ, পাঠিয়ে দিন
    .aliases = হ্যাঁ, হ্যা, ঠিক আছে, পাঠান, ঠিক, ha, thik ache
referral-summary-change = কিছু বদলাতে চাই
    .aliases = না, বদলান, ভুল, na
referral-summary-pick = কোনটি বদলাতে চান?
field-needs = সাহায্যের বিষয়
field-story = আপনার কথায়
field-name = নাম
field-dob = জন্মতারিখ
field-gp = জিপি সার্জারি
field-contact = যোগাযোগ
field-phone = ফোন
field-best-time = ভালো সময়
field-postcode = পোস্টকোড
field-interpreter = দোভাষী
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] এলাকার একটি সেবা যা হয়তো সাহায্য করতে পারে:
       *[other] এলাকার কিছু সেবা যা হয়তো সাহায্য করতে পারে:
    }
referral-services-none = এই মুহূর্তে মানানসই কোনো সেবা খুঁজে পাইনি। একজন সোশ্যাল প্রেসক্রাইবার আরও অনেক সেবা জানেন এবং সঠিকটি খুঁজে পেতে সাহায্য করতে পারেন।
# Variables:
#   $name (String) - what the person asked to be called
#   $reference (String) - the referral reference, like SP-7K3Q
referral-queued = ধন্যবাদ, { $name }। আপনার অনুরোধ সোশ্যাল প্রেসক্রাইবিং টিমের কাছে পৌঁছেছে। আপনার রেফারেন্স { $reference }। সাধারণত 3 কর্মদিবসের মধ্যে একজন সোশ্যাল প্রেসক্রাইবার যোগাযোগ করবেন।
referral-goodbye = ভালো থাকবেন। জরুরি ভিত্তিতে কারও সাথে কথা বলতে চাইলে NHS 111 নম্বরে ফোন করে অপশন 2 বেছে নিন, অথবা Samaritans-কে 116 123 নম্বরে ফোন করুন।
referral-anon-goodbye = ভালো থাকবেন। একজন সোশ্যাল প্রেসক্রাইবার যোগাযোগ করুক চাইলে যেকোনো সময় ফিরে আসুন।

## Telegram

group-chat = আপনার কথা গোপন রাখতে আমি শুধু ব্যক্তিগত চ্যাটে সাহায্য করতে পারি। আমার নামে চাপুন, তারপর "Send message" চাপুন।
not-text = আমি শুধু লেখা মেসেজ পড়তে পারি। অনুগ্রহ করে আপনার উত্তর লিখুন, অথবা একটি বোতাম চাপুন।
command-start = আপনার অনুরোধ শুরু করুন বা চালিয়ে যান
command-language = ভাষা বদলান
command-back = আগের প্রশ্নে ফিরে যান
command-restart = একদম শুরু থেকে আবার
command-help = আমি কী করতে পারি
command-mydata = আমরা আপনার সম্পর্কে কী রাখি দেখুন
command-forget = আপনার সম্পর্কে রাখা তথ্য মুছে ফেলুন

## Coming back with a callback waiting

waiting-intro = আবার স্বাগতম। আপনার অনুরোধ { $reference } সোশ্যাল প্রেসক্রাইবিং টিমের কাছে আছে, কেউ আপনার সাথে যোগাযোগ করবেন। আপনি কী করতে চান?
waiting-message = তাঁদের জন্য একটি মেসেজ দিন
    .aliases = মেসেজ, বার্তা
waiting-cancel = আমার অনুরোধ বাতিল করুন
    .aliases = বাতিল
waiting-new = নতুন অনুরোধ শুরু করুন
    .aliases = নতুন
waiting-message-ask = সোশ্যাল প্রেসক্রাইবারের জন্য আপনার মেসেজ লিখুন।
waiting-message-saved = ধন্যবাদ। আপনার মেসেজ আপনার অনুরোধ { $reference }-এর সাথে রাখা হয়েছে।
waiting-cancelled = আপনার অনুরোধ { $reference } বাতিল করা হয়েছে। যেকোনো সময় ফিরে আসতে পারেন।
callback-claimed = সুখবর: একজন সোশ্যাল প্রেসক্রাইবার আপনার অনুরোধ { $reference } দেখছেন এবং শীঘ্রই যোগাযোগ করবেন।

## Why a service was suggested

services-no-postcode = পোস্টকোড ছাড়া আমি আপনার কাছাকাছি সেবা খুঁজতে পারি না, তাই পুরো বরোর সেবা এবং ফোন বা অনলাইনের সেবাগুলো দেখাচ্ছি।
reason-near = আপনার কাছে ({ $district })
reason-borough = টাওয়ার হ্যামলেটসের যেকোনো জায়গায়
reason-anywhere = ফোনে বা অনলাইনে
reason-language = আপনার ভাষায় কথা বলে
reason-free = বিনামূল্যে

## আপনার তথ্য: /mydata এবং /forget

mydata-intro = আপনার সম্পর্কে আমরা যা রাখি তার সবকিছু এখানে। এই চ্যাট শুধু আপনিই দেখতে পারেন।
mydata-nothing = আমরা আপনার সম্পর্কে কিছুই রাখি না: কোনো উত্তর নেই, কোনো অনুরোধ নেই।
mydata-conversation = এখন পর্যন্ত আপনার উত্তর:
mydata-referral = আপনার অনুরোধ { $reference }, { $date } তারিখে করা: { $status ->
        [open] একজন সোশ্যাল প্রেসক্রাইবারের অপেক্ষায়।
        [claimed] একজন সোশ্যাল প্রেসক্রাইবার এটি দেখছেন।
       *[closed] বন্ধ।
    }
mydata-consent = আপনি { $date } তারিখে আমাদের গোপনীয়তা নোটিশে (সংস্করণ { $version }) সম্মতি দিয়েছেন।
mydata-services = আমরা যে সেবাগুলোর কথা বলেছি: { $services }
mydata-your-message = { $date } তারিখে আপনার মেসেজ: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = { $date } তারিখে আমরা আপনাকে সাহায্যের নম্বর দেখানোর সময় আপনি লিখেছিলেন: { $text }
mydata-team-notes = { $count ->
        [one] আপনার অনুরোধ নিয়ে টিম একটি নোট লিখেছে। কপি চাইলে তাদের বলুন।
       *[other] আপনার অনুরোধ নিয়ে টিম { $count }টি নোট লিখেছে। কপি চাইলে তাদের বলুন।
    }
mydata-outcome = কী হয়েছে: { $outcome }
mydata-footer = এগুলো সব মুছতে /forget পাঠান।
forget-confirm = এতে আপনার উত্তর এবং অপেক্ষায় থাকা যেকোনো অনুরোধ মুছে যাবে, তাই এ নিয়ে কেউ আপনাকে ফোন করবে না। আপনি কি নিশ্চিত?
forget-yes = হ্যাঁ, মুছে দিন
    .aliases = হ্যাঁ, হ্যা, মুছুন, মুছে দিন, ha
forget-no = না, রেখে দিন
    .aliases = না, রাখুন, রেখে দিন, na
forget-done = হয়ে গেছে: আপনার সম্পর্কে যা রাখা ছিল আমরা মুছে দিয়েছি। শুধু একটি নোট রাখি যে মোছা হয়েছে, তাতে আপনার সম্পর্কে কিছু নেই। যেকোনো সময় /start দিয়ে আবার শুরু করতে পারেন।
forget-kept = কিছুই মোছা হয়নি।
slow-down = আপনি খুব দ্রুত মেসেজ পাঠাচ্ছেন, তাই কিছু বাদ দিয়েছি। একটু অপেক্ষা করুন, তারপর চালিয়ে যান।
store-failed = দুঃখিত, আমাদের দিকে কিছু ভুল হয়েছে এবং আমি এটি সংরক্ষণ করতে পারিনি। কয়েক মিনিট পরে আবার চেষ্টা করুন।
