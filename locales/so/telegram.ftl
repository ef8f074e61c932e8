# signpost: Somali (so), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = Ka codso taageero kelinimada, lacagta, guriga, shaqada ama daryeelka, luqaddaada. Kooxda ayaa ku soo wici doonta.
bot-description = Kooxda social prescribing waxay kaa caawiyaan arrimaha saameeya caafimaadkaaga laakiin aan ahayn arrin caafimaad: kelinimo, walaac lacageed, guri, shaqo, daryeelka qof kale, ama helitaanka jimicsi qiimo jaban. Halkan uga jawaab dhowr su'aalood luqaddaada, qof kooxda ka mid ah ayaa ku soo wici doona. Waan ku weydiinnaa ka hor inta aanan waxba kaydin, waxaadna wakhti kasta ku arki kartaa ama ku tirtiri kartaa waxa aan hayno /mydata iyo /forget. Haddii aad hadda khatar ku jirto, wac 999.

## The phone question: a button under the typing box shares the person's own number.

share-phone = Dir lambarkayga taleefanka
contact-not-yours = Xiriirkani waa qof kale. Fadlan qor lambarkaaga taleefanka, ama taabo "Dir lambarkayga taleefanka".
