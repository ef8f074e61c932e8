# signpost: Turkish (tr).
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

## The language picker

language-name = Türkçe
    .aliases = turkish, turkce, türkçe
language-pick = Hangi dili kullanmak istersiniz?

## Said by signpost itself, at any step

welcome-back = Tekrar hoş geldiniz. Kaldığımız yer:
# Variables:
#   $buttons (String) - how choices are picked: "typed" (the terminal's numbered lines) or
#     "tapped" (Telegram's buttons)
help =
    İsteğinizi sizinle iletişime geçecek bir sosyal danışmana (social prescriber) iletiyorum.
    { $buttons ->
        [typed] Bir seçeneğin numarasını ya da kendisini yazın. Şunları da yazabilirsiniz:
       *[tapped] Bir düğmeye basın ya da numarasını yazın. Şunları da yazabilirsiniz:
    }
    geri (back): bir soru geri gidin
    baştan (restart): en baştan başlayın
    language: dili değiştirin
    /mydata: hakkınızda tuttuğumuz her şeyi görün
    /forget: hakkınızda tuttuğumuz her şeyi silin
    Şu anda tehlikedeyseniz 999'u arayın.
restarted = Baştan başlayalım.
cannot-go-back = Buradan daha fazla geri gidemeyiz.
stale-choice = O düğme önceki bir soruya aitti. Şu anki sorumuz bu:
choose-one = Üzgünüm, anlayamadım. Aşağıdaki cevaplardan birini seçin ya da numarasını yazın.
# Variables:
#   $min (Number) - how many choices are needed
pick-at-least =
    { $min ->
        [one] En az bir tane seçin, sonra "Tamam"ı seçin.
       *[other] En az { $min } tane seçin, sonra "Tamam"ı seçin.
    }
# Variables:
#   $max (Number) - the longest answer allowed, in characters
too-long = Bu biraz uzun. Lütfen { $max } karakterden kısa yazın.
please-type = Lütfen bir cevap yazın ya da aşağıdaki cevaplardan birini seçin.
content-changed = Üzgünüm, son konuşmamızdan beri bu hizmet güncellendi, bu yüzden baştan başlamamız gerekiyor.
conversation-over = Bitirdik. Yeni bir istekte bulunmak isterseniz "baştan" yazın.
unreadable-input = Üzgünüm, bunu okuyamadım. Lütfen tekrar yazın.
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
summary-not-given = Belirtilmedi
keywords-back = geri, geri dön
keywords-restart = baştan, yeniden başla
keywords-help = yardım

## Crisis

crisis-help =
    Şu anda işler gerçekten çok zor görünüyor. Bununla tek başınıza yüzleşmek zorunda değilsiniz.
    Şu anda tehlikedeyseniz 999'u arayın.
    Acil ruh sağlığı desteği için NHS 111'i arayıp 2'yi seçin, gece gündüz.
    Samaritans her zaman sizi dinler: 116 123'ü arayın. Ücretsizdir.
    Ya da ücretsiz ve gizli destek için SHOUT yazıp 85258'e mesaj gönderin.
crisis-resume = Hazır olduğunuzda devam edebiliriz. İsteğinizi gönderirseniz bir sosyal danışman onu ilk olarak görecek.
crisis-danger =
    Şu anda tehlikedeyseniz 999'u arayın. Güvenle konuşamıyorsanız cep telefonundan 999'u arayın, dinleyin ve sorulduğunda 55'e basın: yardıma ihtiyacınız olduğunu anlayacaklar.
    National Domestic Abuse Helpline (aile içi şiddet hattı), ücretsiz, gece gündüz: 0808 2000 247.
    Zorla evlendiriliyorsanız ya da aile "namusu" yüzünden tehdit ediliyorsanız: Karma Nirvana, 0800 5999 247.
    Bir çocuğa zarar veriliyorsa: 999'u ya da NSPCC'yi 0808 800 5000'den arayın.
    Bu sizin suçunuz değil ve bununla tek başınıza yüzleşmek zorunda değilsiniz.
crisis-ask-self = Size açıkça soracağım, çünkü önemli: hayatınıza son vermeyi düşünüyor musunuz?
crisis-ask-danger = Güvende olduğunuzdan emin olmak istiyorum: birinin size zarar vermesinden korkuyor musunuz, ya da şu anda tehlikede misiniz?
crisis-ask-yes = Evet
    .aliases = evet, he
crisis-ask-no = Hayır
    .aliases = hayır, yok
crisis-ask-thanks = Bana söylediğiniz için teşekkürler. Bu değişirse ya da kendinizi güvende hissetmezseniz 999'u ya da ücretsiz olarak Samaritans'ı 116 123'ten arayın, gece gündüz.
crisis-ask-again = Lütfen Evet ya da Hayır diye cevap verin, size en iyi nasıl yardım edeceğimi bileyim.

## The self-referral

referral-welcome =
    Merhaba, hoş geldiniz. İsteğinizi Tower Hamlets'taki sosyal danışmanlık (social prescribing) ekibine iletebilirim.
    Sosyal danışmanlar sizi dinler, sonra yakınınızdaki desteği bulmanıza yardım eder: kendinizi kötü ya da yalnız hissettiğinizde, para, konut, iş, birine bakım, hareket ve daha fazlası. Ücretsizdir.
    İstediğiniz zaman "geri", "baştan" ya da "yardım" yazabilirsiniz.
referral-privacy =
    Önce, bize anlattıklarınızı nasıl koruduğumuz:
    Cevaplarınızı güvenle saklarız. Onları yalnızca sosyal danışmanlık ekibi görür, sizinle iletişime geçebilmek için. Artık gerekmediğinde sileriz. İstediğiniz zaman onları görmeyi ya da silinmesini isteyebilirsiniz.
    Bunun için cevaplarınızı saklamamıza izin veriyor musunuz?
referral-privacy-yes = Evet, olur
    .aliases = evet, tamam, olur, kabul
referral-privacy-no = Hayır, sadece hizmetleri göster
    .aliases = hayır, sadece hizmetler
referral-anon-needs = Sorun değil. Sizinle ilgili hiçbir şey saklamayacağız. Ne konuda yardım istersiniz? İstediğiniz kadar seçin, sonra "Tamam"ı seçin.
referral-needs = Şu anda sizi ne etkiliyor? İstediğiniz kadar seçin, sonra "Tamam"ı seçin.
referral-needs-done = Tamam
    .aliases = tamam, bitti, bu kadar
need-mental = Üzgün ya da kaygılı hissetmek
    .aliases = üzgün, kaygı, kaygılı, endişe, depresyon, stres, moral
need-physical = Sağlık ve hareket
    .aliases = sağlık, spor, hareket, egzersiz
need-money = Para ve borç
    .aliases = para, borç, fatura, faturalar
need-housing = Konut
    .aliases = ev, konut, kira, barınma
need-work = İş ve eğitim
    .aliases = iş, eğitim, kurs, meslek
need-caring = Birine bakmak
    .aliases = bakım, bakıyorum, bakıcı
need-lonely = Yalnızlık
    .aliases = yalnız, yalnızlık, yalnızım
need-food = Yiyecek
    .aliases = yiyecek, yemek, gıda, aç
need-other = Başka bir şey
    .aliases = başka, diğer
referral-story = Bize biraz daha anlatmak ister misiniz? İstediğiniz kadar yazın.
referral-story-skip = Hayır, teşekkürler
    .aliases = hayır, hayır teşekkürler, yok
referral-name = Size nasıl hitap edelim?
referral-name-invalid = Lütfen harflerle bir isim yazın.
referral-dob = Doğum tarihiniz nedir? Örneğin: 25/12/1970. Aile hekiminiz (GP) kaydınızı bununla bulur.
referral-dob-skip = Söylememeyi tercih ederim
    .aliases = hayır, söylemek istemiyorum
referral-dob-invalid = Üzgünüm, bu tarihi okuyamadım. Gün/ay/yıl yazın, örneğin 25/12/1970.
referral-gp = Hangi aile hekimine (GP) kayıtlısınız?
referral-gp-skip = Bilmiyorum
    .aliases = bilmiyorum, emin değilim, bilmem
referral-contact = Sizinle nasıl iletişime geçelim?
referral-contact-phone = Beni arayın
    .aliases = telefon, arayın, ara
referral-contact-message = Buradan yazın
    .aliases = mesaj, yazın, buradan
referral-phone = Hangi numarayı arayalım? Örneğin: 07700 900123.
referral-phone-invalid = Bu bir Birleşik Krallık telefon numarasına benzemiyor. Şöyle yazın: 07700 900123 ya da 020 7946 0000.
referral-best-time = Sizi aramak için en iyi zaman ne?
referral-time-morning = Sabah (9-12)
    .aliases = sabah
referral-time-afternoon = Öğleden sonra (12-17)
    .aliases = öğleden sonra, öğle
referral-time-any = Herhangi bir zaman
    .aliases = herhangi, fark etmez, her zaman
referral-postcode = Posta kodunuz nedir? Yakınınızdaki hizmetleri bulmamıza yardım eder.
referral-postcode-skip = Bilmiyorum
    .aliases = bilmiyorum, emin değilim, bilmem
referral-postcode-invalid = Üzgünüm, bu bir Birleşik Krallık posta koduna benzemiyor. Şöyle yazın: E1 6AN.
referral-interpreter = Sizinle iletişime geçtiğimizde tercüman ister misiniz?
interpreter-none = Hayır, teşekkürler
    .aliases = hayır, gerek yok
interpreter-bn = Bengalce
    .aliases = bengalce
interpreter-syl = Silheti
    .aliases = silheti
interpreter-so = Somalice
    .aliases = somalice
interpreter-ur = Urduca
    .aliases = urduca
interpreter-ar = Arapça
    .aliases = arapça
interpreter-pl = Lehçe
    .aliases = lehçe
interpreter-zh = Çince
    .aliases = çince
interpreter-tr = Türkçe
    .aliases = türkçe
interpreter-other = Başka bir dil
    .aliases = başka dil, başka
referral-summary = Bize anlattıklarınız bunlar. Doğru mu?
referral-summary-confirm = Evet, gönder
    .aliases = evet, gönder, doğru, tamam
referral-summary-change = Bir şeyi değiştir
    .aliases = hayır, değiştir, yanlış
referral-summary-pick = Neyi değiştirmek istersiniz?
field-needs = Yardım konusu
field-story = Sizin sözlerinizle
field-name = İsim
field-dob = Doğum tarihi
field-gp = Aile hekimi
field-contact = İletişim
field-phone = Telefon
field-best-time = En iyi zaman
field-postcode = Posta kodu
field-interpreter = Tercüman
# Variables:
#   $count (Number) - how many services follow
referral-services =
    { $count ->
        [one] Yardımcı olabilecek yerel bir hizmet:
       *[other] Yardımcı olabilecek bazı yerel hizmetler:
    }
referral-services-none = Şu anda uygun bir hizmet bulamadım. Bir sosyal danışman çok daha fazlasını bilir ve doğru olanı bulmanıza yardım edebilir.
# Variables:
#   $name (String), $reference (String)
referral-queued = Teşekkürler, { $name }. İsteğiniz sosyal danışmanlık ekibine ulaştı. Referans numaranız { $reference }. Bir sosyal danışman genellikle 3 iş günü içinde sizinle iletişime geçer.
referral-goodbye = Kendinize iyi bakın. Acilen biriyle konuşmanız gerekirse NHS 111'i arayıp 2'yi seçin ya da Samaritans'ı 116 123'ten arayın.
referral-anon-goodbye = Kendinize iyi bakın. Bir sosyal danışmanın sizinle iletişime geçmesini isterseniz istediğiniz zaman geri gelin.

## Telegram

group-chat = Anlattıklarınız gizli kalsın diye yalnızca özel sohbette yardım edebilirim. Adıma dokunun, sonra "Send message"a basın.
not-text = Yalnızca yazılı mesajları okuyabilirim. Lütfen cevabınızı yazın ya da bir düğmeye basın.
command-start = İsteğinizi başlatın ya da sürdürün
command-language = Dili değiştir
command-back = Bir soru geri git
command-restart = En baştan başla
command-help = Neler yapabilirim
command-mydata = Hakkınızda tuttuklarımızı görün
command-forget = Hakkınızda tuttuklarımızı silin

## Coming back with a callback waiting

waiting-intro = Tekrar hoş geldiniz. { $reference } numaralı isteğiniz sosyal danışmanlık ekibinde ve biri sizinle iletişime geçecek. Ne yapmak istersiniz?
waiting-message = Onlara bir mesaj ekle
    .aliases = mesaj
waiting-cancel = İsteğimi iptal et
    .aliases = iptal
waiting-new = Yeni bir istek başlat
    .aliases = yeni
waiting-message-ask = Sosyal danışman için mesajınızı yazın.
waiting-message-saved = Teşekkürler. Mesajınız { $reference } numaralı isteğinize eklendi.
waiting-cancelled = { $reference } numaralı isteğiniz iptal edildi. İstediğiniz zaman geri gelebilirsiniz.
callback-claimed = İyi haber: bir sosyal danışman { $reference } numaralı isteğinizle ilgileniyor ve yakında sizinle iletişime geçecek.

## Why a service was suggested

services-no-postcode = Posta kodu olmadan yakınınızdaki hizmetleri arayamam, bu yüzden tüm ilçe için olanları ve telefonla ya da internetten verilenleri gösteriyorum.
reason-near = Size yakın ({ $district })
reason-borough = Tower Hamlets'ın her yerinde
reason-anywhere = Telefonla ya da internetten
reason-language = Sizin dilinizi konuşuyorlar
reason-free = Ücretsiz

## Verileriniz: /mydata ve /forget

mydata-intro = Hakkınızda tuttuğumuz her şey burada. Bu sohbeti yalnızca siz görebilirsiniz.
mydata-nothing = Hakkınızda hiçbir şey tutmuyoruz: ne cevap ne de istek var.
mydata-conversation = Şimdiye kadarki cevaplarınız:
mydata-referral = { $date } tarihli { $reference } isteğiniz: { $status ->
        [open] bir sosyal danışman bekleniyor.
        [claimed] bir sosyal danışman ilgileniyor.
       *[closed] kapatıldı.
    }
mydata-consent = { $date } tarihinde gizlilik bildirimimizi (sürüm { $version }) kabul ettiniz.
mydata-services = Önerdiğimiz hizmetler: { $services }
mydata-your-message = { $date } tarihli mesajınız: { $text }
# Variables:
#   $date (String) - the day, DD/MM/YYYY
#   $text (String) - what they wrote
mydata-flagged = { $date } tarihinde size yardım numaralarını gösterdiğimizde şunu yazmıştınız: { $text }
mydata-team-notes = { $count ->
        [one] Ekip isteğiniz hakkında bir not yazdı. Bir kopyasını isterseniz onlara sorun.
       *[other] Ekip isteğiniz hakkında { $count } not yazdı. Bir kopyasını isterseniz onlara sorun.
    }
mydata-outcome = Ne oldu: { $outcome }
mydata-footer = Bunların hepsini silmek için /forget gönderin.
forget-confirm = Bu, cevaplarınızı ve bekleyen her isteği siler; bu konuda kimse sizi aramaz. Emin misiniz?
forget-yes = Evet, sil
    .aliases = evet, sil
forget-no = Hayır, kalsın
    .aliases = hayır, kalsın
forget-done = Tamam: hakkınızda tuttuklarımızı sildik. Yalnızca bir silme yapıldığına dair, sizinle ilgili hiçbir şey içermeyen bir kayıt tutuyoruz. İstediğiniz zaman /start ile yeniden başlayabilirsiniz.
forget-kept = Hiçbir şey silinmedi.
slow-down = Çok hızlı mesaj gönderiyorsunuz, bu yüzden bazılarını atladım. Lütfen biraz bekleyin, sonra devam edin.
store-failed = Üzgünüz, bizim tarafımızda bir sorun oldu ve bunu kaydedemedim. Lütfen birkaç dakika sonra tekrar deneyin.
