# signpost: Polish (pl), for Telegram: the bot's profile, and sharing a phone number.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The bot's profile, shown before the first message, in the language of the person's phone.
## bot-description: at most 512 characters; bot-short-description: at most 120
## (`signpost check` counts them).

bot-short-description = Poproś w swoim języku o wsparcie: samotność, pieniądze, mieszkanie, praca lub opieka. Oddzwoni ktoś z zespołu.
bot-description = Zespół „recepty społecznej” pomaga w sprawach, które wpływają na zdrowie, ale nie są medyczne: samotność, kłopoty z pieniędzmi, mieszkanie, praca, opieka nad kimś lub tania aktywność fizyczna. Odpowiedz tu na kilka pytań w swoim języku, a ktoś z zespołu do Ciebie zadzwoni. Zanim cokolwiek zapiszemy, pytamy o zgodę, a w każdej chwili możesz zobaczyć lub usunąć swoje dane poleceniami /mydata i /forget. Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod 999.

## The phone question: a button under the typing box shares the person's own number.

share-phone = Udostępnij mój numer telefonu
contact-not-yours = To kontakt innej osoby. Wpisz, proszę, swój własny numer telefonu albo naciśnij „Udostępnij mój numer telefonu”.
