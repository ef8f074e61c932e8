# signpost: Polish (pl).
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = Polski
    .aliases = polish, polski, polska
language-pick = W jakim języku chcesz rozmawiać?

## Said by signpost itself, at any step

welcome-back = Witaj ponownie. Tu skończyliśmy:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    Przekazuję Twoją prośbę do doradcy (social prescriber), który się z Tobą skontaktuje.
    { $buttons ->
        [typed] Wpisz numer odpowiedzi albo jej słowa. Możesz też wpisać:
       *[tapped] Naciśnij przycisk albo wpisz jego numer. Możesz też wpisać:
    }
    wstecz (back): wróć o jedno pytanie
    od nowa (restart): zacznij od początku
    language: zmień język
    /mydata: zobacz wszystko, co o Tobie przechowujemy
    /forget: usuń wszystko, co o Tobie przechowujemy
    Jeśli jesteś teraz w niebezpieczeństwie, zadzwoń pod 999.
restarted = Zacznijmy od nowa.
cannot-go-back = Nie możemy już cofnąć się dalej.
stale-choice = Ten przycisk był przy wcześniejszym pytaniu. Teraz jesteśmy przy tym pytaniu:
choose-one = Przepraszam, nie rozumiem. Wybierz jedną z odpowiedzi poniżej albo wpisz jej numer.
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] Wybierz co najmniej jedną odpowiedź, a potem wybierz „Gotowe”.
        [few] Wybierz co najmniej { $min } odpowiedzi, a potem wybierz „Gotowe”.
       *[many] Wybierz co najmniej { $min } odpowiedzi, a potem wybierz „Gotowe”.
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long =
    { $max ->
        [one] To trochę za długie. Napisz mniej niż { $max } znak.
        [few] To trochę za długie. Napisz mniej niż { $max } znaki.
       *[many] To trochę za długie. Napisz mniej niż { $max } znaków.
    }
please-type = Wpisz odpowiedź albo wybierz jedną z odpowiedzi poniżej.
content-changed = Przepraszam, od naszej ostatniej rozmowy usługa została zmieniona, więc musimy zacząć od nowa.
conversation-over = Skończyliśmy. Wpisz „od nowa”, jeśli chcesz złożyć nową prośbę.
unreadable-input = Przepraszam, nie mogę tego odczytać. Napisz to jeszcze raz.
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
summary-not-given = Nie podano
keywords-back = wstecz, cofnij
keywords-restart = od nowa, zacznij od nowa
keywords-help = pomoc

## Crisis

crisis-help =
    Wygląda na to, że jest Ci teraz bardzo ciężko. Nie musisz przechodzić przez to sam(a).
    Jeśli jesteś teraz w niebezpieczeństwie, zadzwoń pod 999.
    W pilnej sprawie zdrowia psychicznego zadzwoń pod NHS 111 i wybierz opcję 2, o każdej porze.
    Samaritans wysłuchają Cię o każdej porze: zadzwoń pod 116 123. To nic nie kosztuje.
    Możesz też wysłać SMS o treści SHOUT na numer 85258, aby dostać bezpłatne, poufne wsparcie.
crisis-resume = Kiedy będziesz gotowy(-a), możemy kontynuować. Jeśli wyślesz prośbę, doradca zobaczy ją w pierwszej kolejności.
crisis-danger =
    Jeśli jesteś teraz w niebezpieczeństwie, zadzwoń pod 999. Jeśli nie możesz bezpiecznie mówić, zadzwoń pod 999 z komórki, słuchaj i naciśnij 55, gdy padnie pytanie: będą wiedzieć, że potrzebujesz pomocy.
    National Domestic Abuse Helpline (przemoc domowa), bezpłatnie, o każdej porze: 0808 2000 247.
    Jeśli ktoś zmusza Cię do ślubu albo grozi Ci w imię „honoru” rodziny: Karma Nirvana, 0800 5999 247.
    Jeśli krzywdzone jest dziecko: zadzwoń pod 999 albo do NSPCC: 0808 800 5000.
    To nie Twoja wina i nie musisz mierzyć się z tym sam(a).
crisis-ask-self = Zapytam wprost, bo to ważne: czy masz myśli o odebraniu sobie życia?
crisis-ask-danger = Chcę się upewnić, że jesteś bezpieczny(-a): czy boisz się, że ktoś zrobi Ci krzywdę, albo czy jesteś teraz w niebezpieczeństwie?
crisis-ask-yes = Tak
    .aliases = tak, no tak, no
crisis-ask-no = Nie
    .aliases = nie
crisis-ask-thanks = Dziękuję, że mi powiedziałeś(-aś). Jeśli to się zmieni albo kiedykolwiek poczujesz się zagrożony(-a), zadzwoń pod 999 albo bezpłatnie do Samaritans: 116 123, o każdej porze.
crisis-ask-again = Proszę, odpowiedz Tak albo Nie, żebym wiedział, jak najlepiej pomóc.

## The self-referral

referral-welcome =
    Dzień dobry, witamy. Mogę przekazać Twoją prośbę do zespołu social prescribing w Tower Hamlets.
    Doradcy wysłuchają Cię, a potem pomogą znaleźć wsparcie w okolicy: gdy czujesz się przygnębiony(-a) lub samotny(-a), w sprawach pieniędzy, mieszkania, pracy, opieki nad bliskimi, aktywności i nie tylko. To nic nie kosztuje.
    W każdej chwili możesz wpisać „wstecz”, „od nowa” albo „pomoc”.
referral-privacy =
    Najpierw o tym, jak dbamy o to, co nam powiesz:
    Twoje odpowiedzi przechowujemy bezpiecznie. Widzi je tylko zespół social prescribing, żeby mógł się z Tobą skontaktować. Usuwamy je, gdy nie są już potrzebne. W każdej chwili możesz poprosić o ich pokazanie albo usunięcie.
    Czy zgadzasz się, żebyśmy przechowali Twoje odpowiedzi w tym celu?
referral-privacy-yes = Tak, zgadzam się
    .aliases = tak, zgoda, zgadzam się, ok
referral-privacy-no = Nie, pokaż tylko usługi
    .aliases = nie, tylko usługi
referral-anon-needs = W porządku. Nie zachowamy niczego o Tobie. W czym potrzebujesz pomocy? Wybierz, ile chcesz, a potem wybierz „Gotowe”.
referral-needs = Co jest teraz dla Ciebie trudne? Wybierz, ile chcesz, a potem wybierz „Gotowe”.
referral-needs-done = Gotowe
    .aliases = gotowe, koniec, to wszystko, dalej
need-mental = Smutek lub niepokój
    .aliases = smutek, smutny, smutna, niepokój, lęk, depresja, stres, zmartwiony, zmartwiona
need-physical = Zdrowie i ruch
    .aliases = zdrowie, ruch, sport, ćwiczenia
need-money = Pieniądze i długi
    .aliases = pieniądze, długi, dług, rachunki, zasiłek, kasa
need-housing = Mieszkanie
    .aliases = mieszkanie, dom, czynsz, bezdomny, bezdomna
need-work = Praca i szkolenia
    .aliases = praca, pracy, szkolenia, kurs, zatrudnienie
need-caring = Opieka nad bliską osobą
    .aliases = opieka, opiekun, opiekunka, opiekuję się
need-lonely = Samotność
    .aliases = samotność, samotny, samotna, sam, sama
need-food = Jedzenie
    .aliases = jedzenie, żywność, głodny, głodna, bank żywności
need-other = Coś innego
    .aliases = coś innego, inne
referral-story = Czy chcesz powiedzieć nam coś więcej? Napisz tyle, ile chcesz.
referral-story-skip = Nie, dziękuję
    .aliases = nie, nie dziękuję, nic
referral-name = Jak mamy się do Ciebie zwracać?
referral-name-invalid = Wpisz imię, używając liter.
referral-dob = Jaka jest Twoja data urodzenia? Na przykład: 25/12/1970. Przychodnia (GP) znajdzie dzięki niej Twoją kartotekę.
referral-dob-skip = Wolę nie podawać
    .aliases = nie, wolę nie
referral-dob-invalid = Przepraszam, nie rozumiem tej daty. Wpisz dzień/miesiąc/rok, na przykład 25/12/1970.
referral-gp = W jakiej przychodni (GP) jesteś zarejestrowany(-a)?
referral-gp-skip = Nie wiem
    .aliases = nie wiem, nie jestem pewien, nie jestem pewna
referral-contact = Jak mamy się z Tobą skontaktować?
referral-contact-phone = Zadzwońcie do mnie
    .aliases = telefon, zadzwońcie, dzwonić
referral-contact-message = Napiszcie tutaj
    .aliases = wiadomość, napiszcie, tutaj, czat
referral-phone = Pod jaki numer mamy dzwonić? Na przykład: 07700 900123.
referral-phone-invalid = To nie wygląda na brytyjski numer telefonu. Wpisz go tak: 07700 900123 albo 020 7946 0000.
referral-best-time = Kiedy najlepiej do Ciebie dzwonić?
referral-time-morning = Rano (9–12)
    .aliases = rano, ranek, przed południem
referral-time-afternoon = Po południu (12–17)
    .aliases = po południu, popołudnie
referral-time-any = O każdej porze
    .aliases = każda pora, obojętnie, kiedykolwiek, zawsze
referral-postcode = Jaki jest Twój kod pocztowy? Pomoże nam znaleźć usługi w pobliżu.
referral-postcode-skip = Nie wiem
    .aliases = nie wiem, nie jestem pewien, nie jestem pewna
referral-postcode-invalid = Przepraszam, to nie wygląda na brytyjski kod pocztowy. Wpisz go tak: E1 6AN.
referral-interpreter = Czy potrzebujesz tłumacza, gdy się z Tobą skontaktujemy?
interpreter-none = Nie, dziękuję
    .aliases = nie, nie potrzebuję
interpreter-bn = Bengalski
    .aliases = bengalski
interpreter-syl = Sylheti
    .aliases = sylheti
interpreter-so = Somalijski
    .aliases = somalijski
interpreter-ur = Urdu
    .aliases = urdu
interpreter-ar = Arabski
    .aliases = arabski
interpreter-pl = Polski
    .aliases = polski
interpreter-zh = Chiński
    .aliases = chiński
interpreter-tr = Turecki
    .aliases = turecki
interpreter-other = Inny język
    .aliases = inny, inny język
referral-summary = Oto, co nam powiedziałeś(-aś). Czy wszystko się zgadza?
referral-summary-confirm = Tak, wyślij
    .aliases = tak, wyślij, zgadza się, ok, no
referral-summary-change = Chcę coś zmienić
    .aliases = nie, zmień, zmienić, błąd
referral-summary-pick = Co chcesz zmienić?
field-needs = Pomoc w sprawie
field-story = Twoimi słowami
field-name = Imię
field-dob = Data urodzenia
field-gp = Przychodnia (GP)
field-contact = Kontakt
field-phone = Telefon
field-best-time = Najlepsza pora
field-postcode = Kod pocztowy
field-interpreter = Tłumacz
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] Oto usługa w okolicy, która może pomóc:
       *[other] Oto usługi w okolicy, które mogą pomóc:
    }
referral-services-none = Nie znalazłem teraz pasującej usługi. Doradca zna ich dużo więcej i pomoże znaleźć właściwą.
# Variables:
#   $name (String), $reference (String)
referral-queued = Dziękujemy, { $name }. Twoja prośba trafiła do zespołu social prescribing. Twój numer sprawy to { $reference }. Doradca zwykle kontaktuje się w ciągu 3 dni roboczych.
referral-goodbye = Trzymaj się. Jeśli pilnie potrzebujesz z kimś porozmawiać, zadzwoń pod NHS 111 i wybierz opcję 2 albo do Samaritans pod 116 123.
referral-anon-goodbye = Trzymaj się. Wróć w każdej chwili, jeśli chcesz, żeby doradca się z Tobą skontaktował.

## Telegram

group-chat = Mogę pomagać tylko w prywatnej rozmowie, żeby to, co mówisz, zostało między nami. Naciśnij moją nazwę, a potem „Send message”.
not-text = Czytam tylko wiadomości tekstowe. Wpisz odpowiedź albo naciśnij przycisk.
command-start = Rozpocznij lub kontynuuj prośbę
command-language = Zmień język
command-back = Wróć o jedno pytanie
command-restart = Zacznij od początku
command-help = Co potrafię
command-mydata = Zobacz, co o Tobie przechowujemy
command-forget = Usuń dane o Tobie

## Coming back with a callback waiting

waiting-intro = Witaj ponownie. Twoja prośba { $reference } jest u zespołu social prescribing i ktoś się z Tobą skontaktuje. Co chcesz zrobić?
waiting-message = Dodaj wiadomość dla nich
    .aliases = wiadomość
waiting-cancel = Anuluj moją prośbę
    .aliases = anuluj
waiting-new = Złóż nową prośbę
    .aliases = nowa
waiting-message-ask = Napisz wiadomość dla doradcy.
waiting-message-saved = Dziękujemy. Twoja wiadomość została dołączona do prośby { $reference }.
waiting-cancelled = Twoja prośba { $reference } została anulowana. Możesz wrócić w każdej chwili.
callback-claimed = Dobra wiadomość: doradca zajmuje się Twoją prośbą { $reference } i wkrótce się odezwie.

## Why a service was suggested

services-no-postcode = Bez kodu pocztowego nie mogę szukać usług w pobliżu, więc pokazuję te dla całej dzielnicy oraz telefoniczne i internetowe.
reason-near = Blisko Ciebie ({ $district })
reason-borough = W całym Tower Hamlets
reason-anywhere = Przez telefon lub internet
reason-language = Mówią w Twoim języku
reason-free = Bezpłatnie

## Twoje dane: /mydata i /forget

mydata-intro = Oto wszystko, co o Tobie przechowujemy. Tylko Ty widzisz tę rozmowę.
mydata-nothing = Nie przechowujemy o Tobie niczego: żadnych odpowiedzi ani próśb.
mydata-conversation = Twoje dotychczasowe odpowiedzi:
mydata-referral = Twoja prośba { $reference } z dnia { $date }: { $status ->
        [open] czeka na doradcę.
        [claimed] zajmuje się nią doradca.
       *[closed] zamknięta.
    }
mydata-consent = Zgoda na informację o prywatności (wersja { $version }) z dnia { $date }.
mydata-services = Zaproponowane usługi: { $services }
mydata-your-message = Twoja wiadomość z dnia { $date }: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = Gdy { $date } pokazaliśmy Ci, gdzie szukać pomocy, napisałeś(-aś): { $text }
mydata-team-notes = { $count ->
        [one] Zespół zapisał jedną notatkę o Twojej prośbie. Poproś o kopię, jeśli chcesz.
        [few] Zespół zapisał { $count } notatki o Twojej prośbie. Poproś o kopię, jeśli chcesz.
       *[other] Zespół zapisał { $count } notatek o Twojej prośbie. Poproś o kopię, jeśli chcesz.
    }
mydata-outcome = Co się stało: { $outcome }
mydata-footer = Aby to wszystko usunąć, wyślij /forget.
forget-confirm = To usunie Twoje odpowiedzi i każdą czekającą prośbę, więc nikt do Ciebie w tej sprawie nie zadzwoni. Na pewno?
forget-yes = Tak, usuń
    .aliases = tak, usuń, no
forget-no = Nie, zostaw
    .aliases = nie, zostaw
forget-done = Gotowe: usunęliśmy to, co o Tobie przechowywaliśmy. Zostaje tylko zapis, że usunięcie nastąpiło, bez żadnych informacji o Tobie. W każdej chwili możesz zacząć od nowa przez /start.
forget-kept = Nic nie zostało usunięte.
slow-down = Wysyłasz wiadomości bardzo szybko, więc część pominąłem. Poczekaj chwilę i kontynuuj.
store-failed = Przepraszamy, coś poszło nie tak po naszej stronie i nie udało się tego zapisać. Spróbuj ponownie za kilka minut.
