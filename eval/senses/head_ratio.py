#!/usr/bin/env python3
"""How much more often WordNet's sense-tagged corpus uses a noun in a synset it heads than in one where
it is a later synonym: the figure synscope's sense prior uses (SenseDisambiguator.headRatio), derived
here independently of synscope's code, straight from the WordNet 3.0 files in the extJWNL data jar.

Usage: python3 eval/senses/head_ratio.py [--jar PATH]

For every noun synset of data.noun, each distinct word (lower case, '_' -> ' '; "Earth" and "earth" in
one synset are one word, at its first position) is "headed" when it is the synset's first word; its tag
count is the sum of cntlist.rev's counts of its sense keys (word%1:lex_filenum:lex_id::). Over the nouns
that have a tag count and senses of both kinds, the ratio is (sum of each noun's mean count over the
synsets it heads) / (sum of its mean count over the others). WordNet 3.0: 3,397 nouns, 14,015.51 /
7,184.57 = 1.9508.

It also prints the head share (SenseDisambiguator.headShare): of the tagged uses of noun synsets that
have two or more names, the share that use the synset's first name.
"""
import argparse
import os
import zipfile

JAR = os.path.expanduser(
    "~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn30/1.2/extjwnl-data-wn30-1.2.jar")
DIR = "net/sf/extjwnl/data/wordnet/wn30/"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", default=JAR)
    jar = ap.parse_args().jar
    with zipfile.ZipFile(jar) as z:
        data = z.read(DIR + "data.noun").decode("utf-8")
        rev = z.read(DIR + "cntlist.rev").decode("utf-8")
    counts = {}
    for line in rev.splitlines():
        key, _, count = line.split()
        counts[key] = int(count)
    synsets = list(noun_synsets(data, counts))
    per_noun = {}  # word -> [headed count sum, headed synsets, other count sum, other synsets]
    for here in synsets:
        for i, (noun, count) in enumerate(here.items()):
            a = per_noun.setdefault(noun, [0, 0, 0, 0])
            at = 0 if i == 0 else 2
            a[at] += count
            a[at + 1] += 1
    nouns, headed, other = 0, 0.0, 0.0
    for a in per_noun.values():
        if a[1] and a[3] and a[0] + a[2]:
            nouns += 1
            headed += a[0] / a[1]
            other += a[2] / a[3]
    print("%d nouns: %.2f / %.2f = %.4f" % (nouns, headed, other, headed / other))
    print("head share: %d synsets of two or more names: %d / %d = %.4f" % head_share(synsets))


def noun_synsets(data, counts):
    """Each noun synset of data.noun as {word: tag count}, in the synset's order ("Earth" and "earth"
    are one word, at its first position, their counts summed): the count of a word is cntlist.rev's
    count of its sense key (word%1:lex_filenum:lex_id::)."""
    for line in data.splitlines():
        if not line or line.startswith(" "):
            continue  # licence header
        t = line.split()
        lex_file, n_words = t[1], int(t[3], 16)
        here = {}
        for i in range(n_words):
            word, lex_id = t[4 + 2 * i], int(t[5 + 2 * i], 16)
            noun = word.lower().replace("_", " ")
            here[noun] = here.get(noun, 0) + counts.get("%s%%1:%s:%02d::" % (word.lower(), lex_file, lex_id), 0)
        yield here


def head_share(synsets):
    """SenseDisambiguator.headShare: over the noun synsets with two or more distinct names, the first
    name's tag count summed, over all their names' tag counts summed (synsets with no count add 0 to both)."""
    n, first, total = 0, 0, 0
    for here in synsets:
        if len(here) < 2:
            continue
        n += 1
        values = list(here.values())
        first += values[0]
        total += sum(values)
    return n, first, total, first / total


if __name__ == "__main__":
    main()
