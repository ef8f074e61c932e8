# signpost: English (UK), for Telegram: the bot's profile, and sharing a phone number.
# Status: reviewed (the source text).

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = Ask for support with loneliness, money, housing, work or caring, in your own language. A link worker will call you.
bot-description = Social prescribers help with things that affect your health but aren't medical: feeling lonely, money worries, housing, work, caring for someone, or finding affordable exercise. Answer a few questions here, in your own language, and a link worker will call you back. We ask before keeping anything, and you can see or delete what we hold at any time with /mydata and /forget. If you are in danger now, call 999.

## The phone question: a button under the typing box shares the person's own number.

share-phone = Share my phone number
contact-not-yours = That contact is someone else's. Please type your own phone number, or tap "Share my phone number".
