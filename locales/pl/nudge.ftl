# The nudge: one message to someone who went quiet part way through a referral, with two
# buttons (see locales/en-GB/nudge.ftl).
# Status: draft, not yet reviewed by a native speaker.

nudge-ask = Witaj ponownie. Prośba o wsparcie nie została dokończona. Czy chcesz kontynuować od miejsca, w którym przerwaliśmy? Jeśli wolisz przerwać, usuniemy to, co już zostało wpisane.
nudge-carry-on = Kontynuuj
    .aliases = kontynuuj, dalej, kontynuować
# Erases their answers, as /forget does.
nudge-stop = Przerwij i usuń moje odpowiedzi
    .aliases = przerwij, usuń, stop
