"""Solutions to the lab's exercises (notebooks/lab.ipynb): for the teacher edition only.

One block per exercise, after a line "# %% EXERCISE-ID": the code that replaces the exercise
cell's line "answer = ...". The teacher edition's build runs each block, followed by the rest of
the exercise's cell and its check, after the student's cell (studyguide.book.solutions), so every
solution is checked at every build. The committed notebook, which the student edition, Binder
and Colab use, holds none of this code.
"""

# %% count-word
answer = words.count(word)

# %% per-thousand
answer = round(1000 * words.count(word) / len(words), 1)

# %% frequent-word
content_words = Counter(w for w in words if w not in stop)
answer = content_words.most_common(1)[0][0]

# %% hapax
answer = sum(1 for n in Counter(words).values() if n == 1)

# %% longest-paragraph
lengths = [len(p) for p in paragraphs]
answer = lengths.index(max(lengths)) + 1

# %% compare-paragraphs
answer = len(set(paragraphs[first - 1]) & set(paragraphs[second - 1]))

# %% concordance
lines = NLTKText(words).concordance_list(word, width=80, lines=len(words))
before = Counter(line.left[-1] for line in lines if line.left)
answer = before.most_common(1)[0][0]

# %% where-word
answer = [i for i, w in enumerate(words, 1) if w == word]
fig, ax = plt.subplots(figsize=(7, 1.4))
ax.eventplot(answer, linelengths=0.8)
ax.set(xlim=(1, len(words)), yticks=[], xlabel="position in the text (words)", title=f"Where “{word}” occurs")
plt.show()

# %% collocation
pairs = sum(1 for a, b in zip(words, words[1:]) if (a, b) == (first, second))
counts = Counter(words)
answer = round(math.log2(pairs * len(words) / (counts[first] * counts[second])), 2)

# %% cue-sentence
counted = [sum(1 for m in s.matches if m.counted) for s in sentences]
best = sentences[counted.index(max(counted))]
answer = (best.paragraph, best.sentence)

# %% theme-cue
before = sum(s.count(theme) for s in score_paragraphs(lab.text, lexicon))
after = sum(s.count(theme) for s in score_paragraphs(lab.text, wider))
answer = after - before

# %% date-span
answer = (timeline[last].when - timeline[first].when).days
