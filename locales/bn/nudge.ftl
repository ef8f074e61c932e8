# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = আবার হ্যালো। আপনি আমাদের কাছে সহায়তা চাওয়া শুরু করেছিলেন, কিন্তু শেষ করেননি। যেখানে থেমেছিলেন সেখান থেকে কি চালিয়ে যেতে চান? থামতে চাইলে, আপনি যা লিখেছেন তা আমরা মুছে দেব।
nudge-carry-on = চালিয়ে যান
    .aliases = চালিয়ে যান, চালিয়ে যাব, চালাও, continue
# Erases their answers, as /forget does.
nudge-stop = থামুন, আমার লেখা মুছে দিন
    .aliases = থামুন, মুছে দিন, থামো
