# signpost: Turkish (tr), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = Yalnızlık, para, konut, iş ya da bakım konularında kendi dilinizde destek isteyin. Ekipten biri sizi arayacak.
bot-description = Sosyal reçete ekibi, sağlığınızı etkileyen ama tıbbi olmayan konularda yardım eder: yalnızlık, para sıkıntısı, konut, iş, birine bakmak ya da uygun fiyatlı egzersiz bulmak. Burada kendi dilinizde birkaç soruyu yanıtlayın, ekipten biri sizi geri arasın. Bir şey saklamadan önce izninizi isteriz; elimizdekileri istediğiniz zaman /mydata ile görebilir, /forget ile silebilirsiniz. Şu anda tehlikedeyseniz 999'u arayın.

## The phone question: a button under the typing box shares the person's own number.

share-phone = Telefon numaramı paylaş
contact-not-yours = Bu kişi kartı başka birine ait. Lütfen kendi telefon numaranızı yazın ya da "Telefon numaramı paylaş" düğmesine dokunun.
