# signpost: Bengali (bn), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = একাকীত্ব, টাকা, বাসস্থান, কাজ বা কারও দেখাশোনার বিষয়ে নিজের ভাষায় সাহায্য চান। একজন লিংক ওয়ার্কার আপনাকে ফোন করবেন।
bot-description = সোশ্যাল প্রেসক্রাইবাররা এমন বিষয়ে সাহায্য করেন যা আপনার স্বাস্থ্যের ওপর প্রভাব ফেলে কিন্তু চিকিৎসার বিষয় নয়: একাকীত্ব, টাকার দুশ্চিন্তা, বাসস্থান, কাজ, কারও দেখাশোনা করা, বা কম খরচে ব্যায়ামের সুযোগ খোঁজা। এখানে নিজের ভাষায় কয়েকটি প্রশ্নের উত্তর দিন, একজন লিংক ওয়ার্কার আপনাকে ফোন করবেন। কিছু রাখার আগে আমরা আপনার অনুমতি নিই, আর /mydata ও /forget দিয়ে যেকোনো সময় আমাদের কাছে থাকা তথ্য দেখতে বা মুছতে পারেন। এখনই বিপদে থাকলে 999-এ ফোন করুন।

## The phone question: a button under the typing box shares the person's own number.

share-phone = আমার ফোন নম্বর পাঠান
contact-not-yours = এটি অন্য কারও কন্টাক্ট। অনুগ্রহ করে আপনার নিজের ফোন নম্বর লিখুন, অথবা "আমার ফোন নম্বর পাঠান" চাপুন।
