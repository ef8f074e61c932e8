# signpost: Somali (so). The GP practice question.
# Status: draft, not yet reviewed by a native speaker. Please review before relying on it.

practice-offer = Ma mid kuwan ka mid ah baa? Haddii kale, dooro "Liiska kuma jiro" waxaanan hayn doonnaa wixii aad qortay, ama mar kale qor.
practice-not-listed = Liiska kuma jiro
practice-not-found = Kuma aanan helin "{ $typed }" liiska rugaheenna, sidaa darteed waxaan u haynaa sidii aad u qortay.
practice-from-link = Rugtaada dhakhtarku waa { $practice }, sida ku cad xiriirka aad isticmaashay. Waad beddeli kartaa ka hor intaadan codsigaaga dirin.
