#!/usr/bin/env python3
"""Derive the WordNet 3.0 sense gold sets in eval/senses/ and their baseline figures.

Usage (from anywhere; paths default relative to this file):

    python3 eval/senses/derive.py            # (re)write the gold files and README figures
    python3 eval/senses/derive.py --check    # write nothing; exit 1 if a file differs
    python3 eval/senses/derive.py --list     # also print the labels behind each figure

Options: --jar PATH (extjwnl-data-wn30 jar), --datasets DIR (the shared dataset lists).

Inputs (read only):
  * WordNet 3.0 data.noun and index.noun, read straight out of the extJWNL data jar
    ~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn30/1.2/extjwnl-data-wn30-1.2.jar
    (entries net/sf/extjwnl/data/wordnet/wn30/{data,index}.noun).
  * ../shared/datasets/imagenet-1k-wnids.txt         ImageNet-1k wnids, class-index order
  * ../shared/datasets/cifar100-fine-labels.txt      CIFAR-100 fine labels, label order
  * ../shared/datasets/cifar100-coarse-to-fine.json  CIFAR-100 superclasses (comments only)
  (../shared is relative to the repository root, i.e. two levels above this file.)

Outputs (in this file's directory):
  imagenet1k-first-lemmas.tsv / .txt   label = the synset's first lemma as data.noun writes it
  imagenet1k-full-names.tsv / .txt     label = all lemmas joined by ", ", '_' -> ' '
  cifar100.tsv                         hand-assigned table CIFAR100 below
  README.md                            only the text between the BASELINE markers is rewritten

Gold format (read by `synscope eval-senses GOLD.tsv --dataset D`): `label<TAB>wnid` main lines,
`#alt<TAB>label<TAB>wnid` lines for other acceptable synsets, other `#` lines are comments.
Labels are compared after normalisation (lower case, runs of '_'/' ' -> one space, trimmed); a
normalised label has exactly one main line. In the ImageNet sets two classes whose labels collide
are merged: the label keeps the first class (ImageNet order) as gold, the others become #alt.

Synset names (lemma.n.NN) are the first lemma of the synset, lower-cased, plus that lemma's sense
number, i.e. the 1-based position of the synset's offset in the lemma's index.noun line.

Baselines: the "first sense" of a label is the first offset on the index.noun line of the whole
label lower-cased with runs of ' '/'_' turned into one '_' (no morphology, no splitting at commas).
"Under person.n.01" means person.n.01 (00007846) itself or any synset reaching it through hypernym
(@) and instance hypernym (@i) pointers.
"""

import argparse
import collections
import json
import os
import re
import sys
import textwrap
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DATASETS = os.path.normpath(os.path.join(REPO, "..", "shared", "datasets"))
DEFAULT_JAR = os.path.expanduser(
    "~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn30/1.2/extjwnl-data-wn30-1.2.jar")
JAR_DIR = "net/sf/extjwnl/data/wordnet/wn30/"
PERSON = "00007846"
README_START = "<!-- BASELINE:START (written by derive.py; do not edit by hand) -->"
README_END = "<!-- BASELINE:END -->"


# ---------------------------------------------------------------------------------------------
# WordNet 3.0 nouns
# ---------------------------------------------------------------------------------------------

class WordNet:
    def __init__(self, jar):
        if not os.path.exists(jar):
            sys.exit("WordNet 3.0 data jar not found: %s (run the Maven build, or pass --jar)" % jar)
        with zipfile.ZipFile(jar) as z:
            data = z.read(JAR_DIR + "data.noun").decode("utf-8")
            index = z.read(JAR_DIR + "index.noun").decode("utf-8")
        self.words = {}   # offset -> [lemma as written in data.noun]
        self.hyper = {}   # offset -> [offsets of @ and @i targets]
        self.gloss = {}
        for line in data.splitlines():
            if not line or line.startswith(" "):
                continue          # licence header
            body, _, gloss = line.partition(" | ")
            t = body.split()
            off, w_cnt = t[0], int(t[3], 16)
            words = [t[4 + 2 * i] for i in range(w_cnt)]
            i = 4 + 2 * w_cnt
            p_cnt = int(t[i])
            i += 1
            hyper = []
            for _ in range(p_cnt):
                sym, target, pos = t[i], t[i + 1], t[i + 2]
                if sym in ("@", "@i") and pos == "n":
                    hyper.append(target)
                i += 4
            self.words[off] = words
            self.hyper[off] = hyper
            self.gloss[off] = gloss.strip()
        self.index = {}   # lemma (lower case, '_') -> [offsets in sense order]
        for line in index.splitlines():
            if not line or line.startswith(" "):
                continue
            t = line.split()
            n = int(t[2])
            self.index[t[0]] = t[-n:]
        self._anc = {}

    def name(self, off):
        lemma = self.words[off][0].lower()
        return "%s.n.%02d" % (lemma, self.index[lemma].index(off) + 1)

    def ancestors(self, off):
        """All synsets reachable through @ and @i, not including off itself."""
        if off not in self._anc:
            seen, stack = set(), [off]
            while stack:
                for h in self.hyper[stack.pop()]:
                    if h not in seen:
                        seen.add(h)
                        stack.append(h)
            self._anc[off] = seen
        return self._anc[off]

    def under_person(self, off):
        return off == PERSON or PERSON in self.ancestors(off)

    def short_gloss(self, off, n=90):
        g = self.gloss[off].split(";")[0].strip()
        return g if len(g) <= n else g[: n - 3].rstrip() + "..."


def norm(label):
    """The label normalisation eval-senses applies: lower case, '_'/' ' runs -> one space, trim."""
    return re.sub(r"[ _]+", " ", label.strip().lower()).strip()


def lemma_key(label):
    """index.noun key of a whole label: lower case, spaces -> '_'."""
    return norm(label).replace(" ", "_")


def wnid(off):
    return "n" + off


# ---------------------------------------------------------------------------------------------
# CIFAR-100: the hand-assigned table
# ---------------------------------------------------------------------------------------------
# label: (gold offset, its synset name, [(alt offset, alt name)...], why)
# The synset names are checked against WordNet when the script runs, so a wrong offset fails.
# Policy (see README.md): when one of the label's own noun senses fits the class, gold is that
# sense, chosen with the superclass as the tie-breaker; #alt lists other synsets that a careful
# annotator could honestly choose for the same images (a broader or a narrower reading, or a
# sibling sense); senses for other things (fur, flesh, wood, people, ...) are never alts.
CIFAR100 = {
    "apple": ("07739125", "apple.n.01", [], "the fruit (fruit_and_vegetables); apple.n.02 is the tree."),
    "aquarium_fish": ("02512053", "fish.n.01", [],
        "not a WordNet lemma; WordNet has no 'aquarium fish' or 'tropical fish' synset. The class is "
        "small ornamental fishes kept in tanks (goldfish, guppies, platies, tetras, cichlids...), which "
        "WordNet files under many unrelated families, so their nearest common synset is fish.n.01. "
        "goldfish.n.01 etc. are too narrow for the class; fish.n.02 is fish as food."),
    "baby": ("09827683", "baby.n.01", [],
        "people superclass: the human infant. baby.n.06 'a very young mammal' is not this class."),
    "bear": ("02131653", "bear.n.01", [], "the animal; bear.n.02 is a pessimistic investor."),
    "beaver": ("02363005", "beaver.n.07", [],
        "aquatic_mammals: the rodent. Senses 1-6 are the fur, an Oregonian, a beard, two hats and a "
        "piece of armour."),
    "bed": ("02818832", "bed.n.01", [], "household_furniture."),
    "bee": ("02206856", "bee.n.01", [], "insects."),
    "beetle": ("02164464", "beetle.n.01", [], "insects; mallet.n.03 is the tool."),
    "bicycle": ("02834778", "bicycle.n.01", [], "only sense."),
    "bottle": ("02876657", "bottle.n.01", [],
        "food_containers: the vessel. bottle.n.03 (feeding bottle) is a narrower kind, not the class."),
    "bowl": ("02880940", "bowl.n.03", [("02881193", "bowl.n.01")],
        "food_containers: bowl.n.03 'a dish that is round and open at the top for serving foods' "
        "(under dish.n.01), the synset WordNet files the food bowls under: cereal, mixing, salad and "
        "soup bowls are its hyponyms (ImageNet-1k's mixing_bowl and soup_bowl classes among them). "
        "alt bowl.n.01 'a round vessel that is open at the top; used chiefly for holding food or "
        "liquids' (sense 1; its own hyponyms are fishbowl, toilet bowl, mazer), the broader reading."),
    "boy": ("10285313", "male_child.n.01", [],
        "people superclass, between baby and man: 'a youthful male person' (sense 1 of 'boy'). "
        "son.n.01 and boy.n.02 (grown man, informal) are not the class; boy.n.04 is an ethnic slur sense."),
    "bridge": ("02898711", "bridge.n.01", [], "large man-made outdoor things: the structure."),
    "bus": ("02924116", "bus.n.01", [], "vehicles_1."),
    "butterfly": ("02274259", "butterfly.n.01", [], "insects; butterfly.n.02 is the swimming stroke."),
    "camel": ("02437136", "camel.n.01", [], "only sense."),
    "can": ("02946921", "can.n.01", [], "food_containers: the tin can."),
    "castle": ("02980441", "castle.n.02", [],
        "large man-made outdoor things: 'a large building formerly occupied by a ruler and fortified "
        "against attack' (also ImageNet-1k's castle class). Considered and not added as alt: palace.n.01 (sense 1 of 'castle', 'a large "
        "and stately mansion', under house.n.01), a different kind of building from the fortress the "
        "class shows."),
    "caterpillar": ("02309337", "caterpillar.n.01", [],
        "insects: the larva; caterpillar.n.02 is the tracked vehicle."),
    "cattle": ("02402425", "cattle.n.01", [],
        "only sense. cow.n.01 (females only) is narrower than the class and is not added."),
    "chair": ("03001627", "chair.n.01", [], "household_furniture."),
    "chimpanzee": ("02481823", "chimpanzee.n.01", [], "only sense."),
    "clock": ("03046257", "clock.n.01", [], "only sense."),
    "cloud": ("09247410", "cloud.n.02", [("11439690", "cloud.n.01")],
        "large natural outdoor scenes: the weather cloud, 'a visible mass of water or ice particles "
        "suspended at a considerable altitude'. alt cloud.n.01 'any collection of particles (e.g., "
        "smoke or dust) or gases that is visible', the broader sense (sense 1), which sky clouds also "
        "satisfy."),
    "cockroach": ("02233338", "cockroach.n.01", [], "only sense."),
    "couch": ("04256520", "sofa.n.01", [],
        "household_furniture: sofa.n.01 (sense 1 of 'couch'); couch.n.03, the psychoanalyst's couch, "
        "is too narrow."),
    "crab": ("01976957", "crab.n.01", [],
        "non-insect invertebrates: the decapod; crab.n.05 (crabmeat) and crab_louse.n.01 are not it."),
    "crocodile": ("01697178", "crocodile.n.01", [], "only sense."),
    "cup": ("03147509", "cup.n.01", [], "food_containers: the drinking vessel."),
    "dinosaur": ("01699831", "dinosaur.n.01", [], "only sense."),
    "dolphin": ("02068974", "dolphin.n.02", [],
        "aquatic_mammals: the toothed whale. Sense 1, dolphinfish.n.02 (mahimahi), is a fish."),
    "elephant": ("02503517", "elephant.n.01", [], "the animal; elephant.n.02 is the Republican symbol."),
    "flatfish": ("02657368", "flatfish.n.02", [],
        "fish superclass: the fish; sense 1 is its flesh as food."),
    "forest": ("08438533", "forest.n.01", [("09284015", "forest.n.02")],
        "large natural outdoor scenes. Gold forest.n.01 'the trees and other plants in a large densely "
        "wooded area' (what a forest photograph shows; the synset of 'wood, woods'). alt forest.n.02 "
        "'land that is covered with trees and shrubs' (the land/biome reading, parallel to mountain "
        "and plain); both are honest readings of a scene class."),
    "fox": ("02118333", "fox.n.01", [], "medium_mammals: the animal."),
    "girl": ("10084295", "female_child.n.01", [("10129825", "girl.n.01")],
        "people superclass, between baby and woman and paired with boy = male_child.n.01: "
        "'a youthful female person' (sense 2 of 'girl'). alt girl.n.01 'a young woman' (sense 1): "
        "teenage girls and young women are an honest reading of the class too."),
    "hamster": ("02342885", "hamster.n.01", [], "only sense."),
    "house": ("03544360", "house.n.01", [], "large man-made outdoor things: the dwelling."),
    "kangaroo": ("01877134", "kangaroo.n.01", [], "only sense."),
    "keyboard": ("03614007", "keyboard.n.01", [("03085013", "computer_keyboard.n.01")],
        "household_electrical_devices: keyboard.n.01 'device consisting of a set of keys on a piano "
        "or organ or typewriter ... or computer'. alt computer_keyboard.n.01, its hyponym: the CIFAR "
        "web page calls this class 'computer keyboard' (it is not a sense of the word 'keyboard', so "
        "it is the alt, not the gold; it is also ImageNet-1k's computer keyboard class). keyboard.n.02 "
        "is a key rack."),
    "lamp": ("03636649", "lamp.n.02", [("03636248", "lamp.n.01")],
        "household_electrical_devices: lamp.n.02 'a piece of furniture holding one or more electric "
        "light bulbs' (table, desk and floor lamps). alt lamp.n.01 'an artificial source of visible "
        "illumination', the broader sense 1. (ImageNet-1k's table_lamp class is a hyponym of lamp.n.02.)"),
    "lawn_mower": ("03649909", "lawn_mower.n.01", [],
        "vehicles_2. 'lawn_mower' IS a WordNet 3.0 lemma (only sense)."),
    "leopard": ("02128385", "leopard.n.02", [], "large_carnivores: the animal; sense 1 is its pelt."),
    "lion": ("02129165", "lion.n.01", [], "large_carnivores: the animal."),
    "lizard": ("01674464", "lizard.n.01", [], "reptiles."),
    "lobster": ("01982650", "lobster.n.02", [],
        "non-insect invertebrates: the crustacean; sense 1 is its flesh."),
    "man": ("10287213", "man.n.01", [], "people superclass: the adult male."),
    "maple": ("12752205", "maple.n.02", [],
        "trees: 'any of numerous trees or shrubs of the genus Acer'; maple.n.01 is the wood. "
        "(The usual CIFAR-100 name is maple_tree, which is not a WordNet lemma; same gold.)"),
    "motorcycle": ("03790512", "motorcycle.n.01", [], "only sense."),
    "mountain": ("09359803", "mountain.n.01", [], "large natural outdoor scenes: the land mass."),
    "mouse": ("02330245", "mouse.n.01", [],
        "small_mammals: the rodent; mouse.n.04 is the computer mouse."),
    "mushroom": ("07734744", "mushroom.n.05", [("12997919", "mushroom.n.03"), ("13001041", "mushroom.n.01")],
        "the superclass fruit_and_vegetables picks mushroom.n.05 'fleshy body of any of numerous "
        "edible fungi' (under vegetable.n.01). The images show the same cap-and-stem bodies growing, "
        "so two organism senses are alts: mushroom.n.03 'fleshy fungi of the subdivision Basidiomycota "
        "consisting of a cap at the end of a stem' and mushroom.n.01 'an edible agaric' (sense 1). "
        "Not added: mushroom.n.02 (mushrooms plus puffballs, morels, coral fungi), mushroom.n.04 (the "
        "explosion cloud). ImageNet-1k's mushroom class is mushroom.n.05 as well."),
    "oak": ("12268246", "oak.n.02", [],
        "trees: 'a deciduous tree of the genus Quercus'; oak.n.01 is the wood. (CIFAR's usual name "
        "oak_tree is the second lemma of the same synset.)"),
    "orange": ("07747607", "orange.n.01", [],
        "fruit_and_vegetables: the fruit; orange.n.03 is the tree, orange.n.02 the colour."),
    "orchid": ("12041446", "orchid.n.01", [], "flowers (WordNet has only the plant sense)."),
    "otter": ("02444819", "otter.n.02", [], "aquatic_mammals: the animal; sense 1 is the fur."),
    "palm": ("12582231", "palm.n.03", [],
        "trees: 'any plant of the family Palmae having an unbranched trunk crowned by large ... "
        "leaves'; palm.n.01 is the palm of the hand. (CIFAR's usual name palm_tree is its lemma.)"),
    "pear": ("07767847", "pear.n.01", [], "fruit_and_vegetables: the fruit; pear.n.02 is the tree."),
    "pickup_truck": ("03930630", "pickup.n.01", [],
        "vehicles_1. 'pickup_truck' IS a WordNet 3.0 lemma (second lemma of pickup.n.01, its only sense)."),
    "pine": ("11608250", "pine.n.01", [],
        "trees: 'a coniferous tree'; pine.n.02 is the timber. (CIFAR's usual name pine_tree is its lemma.)"),
    "plain": ("09393605", "plain.n.01", [],
        "large natural outdoor scenes: 'extensive tract of level open land'; plain.n.02 is a knit stitch."),
    "plate": ("03959485", "plate.n.04", [],
        "food_containers: 'dish on which food is served or from which food is eaten'. Sense 1 is home "
        "plate; plate.n.08 (a main course) is food, not a container."),
    "poppy": ("11900569", "poppy.n.01", [], "flowers; only sense."),
    "porcupine": ("02346627", "porcupine.n.01", [], "only sense."),
    "possum": ("01874928", "opossum.n.02", [("01881171", "phalanger.n.01")],
        "medium_mammals; 'possum' names two marsupials. Gold opossum.n.02 (sense 1 of 'possum'), the "
        "American opossum, the everyday North American meaning. alt phalanger.n.01, the Australian "
        "possum, also called 'possum' and honestly possible for web images of 'possum'."),
    "rabbit": ("02324045", "rabbit.n.01", [], "small_mammals: the animal; not the fur or the meat."),
    "raccoon": ("02508021", "raccoon.n.02", [], "medium_mammals: the animal; sense 1 is the fur."),
    "ray": ("01495701", "ray.n.07", [],
        "fish superclass: 'cartilaginous fishes having horizontally flattened bodies and enlarged "
        "winglike pectoral fins'. Sense 1 is a beam of light; ray.n.06 is a fin spine."),
    "road": ("04096066", "road.n.01", [], "large man-made outdoor things."),
    "rocket": ("04099429", "rocket.n.01", [],
        "vehicles_2: 'any vehicle self-propelled by a rocket engine'. rocket.n.02 (the engine), "
        "rocket.n.03 (arugula), rocket.n.04 and skyrocket.n.02 (fireworks) are not the class."),
    "rose": ("12620196", "rose.n.01", [],
        "flowers: rose.n.01 'any of many shrubs of the genus Rosa that bear roses' (WordNet has no "
        "separate sense for the bloom; the other flower labels likewise map to their plant senses)."),
    "sea": ("09426788", "sea.n.01", [],
        "large natural outdoor scenes: 'a division of an ocean or a large body of salt water'."),
    "seal": ("02076196", "seal.n.09", [],
        "aquatic_mammals: the marine mammal (sense 9 of 9; sense 1 is sealing wax)."),
    "shark": ("01482330", "shark.n.01", [], "fish superclass."),
    "shrew": ("01891633", "shrew.n.02", [],
        "small_mammals: 'small mouselike mammal with a long snout'; sense 1 is a nagging woman."),
    "skunk": ("02445715", "skunk.n.04", [],
        "medium_mammals: the animal; senses 1-3 are a despicable person, a shutout and marijuana."),
    "skyscraper": ("04233124", "skyscraper.n.01", [], "only sense."),
    "snail": ("01944390", "snail.n.01", [], "non-insect invertebrates; escargot.n.01 is the food."),
    "snake": ("01726692", "snake.n.01", [], "reptiles."),
    "spider": ("01772222", "spider.n.01", [], "non-insect invertebrates."),
    "squirrel": ("02355227", "squirrel.n.01", [], "small_mammals; squirrel.n.02 is the fur."),
    "streetcar": ("04335435", "streetcar.n.01", [], "only sense."),
    "sunflower": ("11978233", "sunflower.n.01", [], "only sense."),
    "sweet_pepper": ("07720615", "sweet_pepper.n.02", [],
        "fruit_and_vegetables: 'large mild crisp thick-walled capsicum peppers' (under vegetable.n.01). "
        "sweet_pepper.n.01 is the plant (a shrub); like the apple, orange and pear trees it is not an "
        "alt, because the images show the fruits."),
    "table": ("04379243", "table.n.02", [],
        "household_furniture: the piece of furniture; sense 1 is a table of data. table.n.03 (a table "
        "laid for a meal) is narrower."),
    "tank": ("04389033", "tank.n.01", [],
        "vehicles_2: 'an enclosed armored military vehicle'; tank.n.02 is a storage tank."),
    "telephone": ("04401088", "telephone.n.01", [], "household_electrical_devices: the apparatus."),
    "television": ("04405907", "television_receiver.n.01", [],
        "household_electrical_devices: the set (sense 3 of 'television'); sense 1 is broadcasting "
        "and television.n.02 the telecommunication system. Not added as alt although ImageNet-1k's "
        "class 851 'television, television_system' uses television.n.02 for pictures of TV sets: its "
        "gloss describes a system, not a device."),
    "tiger": ("02129604", "tiger.n.02", [],
        "large_carnivores: the animal; tiger.n.01 is 'a fierce or audacious person'."),
    "tractor": ("04465501", "tractor.n.01", [],
        "vehicles_2 (with lawn_mower): 'a wheeled vehicle with large wheels; used in farming'. "
        "tractor.n.02 (the cab unit of a semi-trailer truck) was considered and not added. "
        "ImageNet-1k's tractor class is tractor.n.01 too."),
    "train": ("04468005", "train.n.01", [], "vehicles_1: the railway train."),
    "trout": ("02537085", "trout.n.02", [], "fish superclass: the fish; sense 1 is its flesh."),
    "tulip": ("12454159", "tulip.n.01", [], "flowers; only sense."),
    "turtle": ("01662784", "turtle.n.02", [], "reptiles; sense 1 is the turtleneck sweater."),
    "wardrobe": ("04550184", "wardrobe.n.01", [],
        "household_furniture; wardrobe.n.02/03 are collections of clothing."),
    "whale": ("02062744", "whale.n.02", [],
        "aquatic_mammals: the cetacean; sense 1 is giant.n.04, a very large person."),
    "willow": ("12724942", "willow.n.01", [],
        "trees; willow.n.02 is a textile machine. (CIFAR's usual name willow_tree is its lemma.)"),
    "wolf": ("02114100", "wolf.n.01", [], "large_carnivores: the animal."),
    "woman": ("10787470", "woman.n.01", [], "people superclass: the adult female."),
    "worm": ("01922303", "worm.n.01", [], "non-insect invertebrates."),
}

# The shared label list uses the CIFAR web page's short tree names; the dataset's own meta files
# (and torchvision, TFDS) say maple_tree, oak_tree, palm_tree, pine_tree, willow_tree. Either
# spelling in the label file finds the same table entry; the gold keeps the file's spelling.
CIFAR_ALIASES = {"maple_tree": "maple", "oak_tree": "oak", "palm_tree": "palm",
                 "pine_tree": "pine", "willow_tree": "willow"}


# ---------------------------------------------------------------------------------------------
# Building the gold sets
# ---------------------------------------------------------------------------------------------

class Entry:
    def __init__(self, label, gold, alts=(), comments=()):
        self.label, self.gold, self.alts, self.comments = label, gold, list(alts), list(comments)


def wrap_comment(text, width=110):
    """'# '-prefixed comment lines; continuation lines keep the text's indent plus two spaces."""
    indent = len(text) - len(text.lstrip(" "))
    return ["# " + l for l in textwrap.wrap(text, width, subsequent_indent=" " * (indent + 2),
                                            break_long_words=False, break_on_hyphens=False)]


def render_gold(header, entries):
    out = ["# " + h if h else "#" for h in header]
    for e in entries:
        for c in e.comments:
            out += wrap_comment(c)
        out.append("%s\t%s" % (e.label, wnid(e.gold)))
        out += ["#alt\t%s\t%s" % (e.label, wnid(a)) for a in e.alts]
    return "\n".join(out) + "\n"


def render_list(header, entries):
    return "\n".join(["# " + h for h in header] + [e.label for e in entries]) + "\n"


def imagenet_set(wn, ids, label_of, what):
    """Groups ImageNet classes by normalised label; returns (entries, merges)."""
    groups = collections.OrderedDict()
    for i, off in enumerate(ids):
        groups.setdefault(norm(label_of(off)), []).append((i, off))
    entries, merges = [], []
    for key, members in groups.items():
        (i0, g), rest = members[0], members[1:]
        e = Entry(label_of(g), g, [o for _, o in rest])
        if rest:
            desc = "; ".join("class %d %s %s %s (%s)" % (i, wnid(o), wn.name(o), label_of(o),
                                                        wn.short_gloss(o, 60)) for i, o in members)
            e.comments.append("MERGED %s '%s' is shared by %d classes: %s. Gold = class %d (first in "
                              "ImageNet order); #alt = the other%s." % (what, key, len(members), desc,
                                                                        i0, "s" if len(rest) > 1 else ""))
            merges.append((key, members))
        entries.append(e)
    return entries, merges


def first_lemma(wn):
    return lambda off: wn.words[off][0]


def full_name(wn):
    return lambda off: ", ".join(w.replace("_", " ") for w in wn.words[off])


def cifar_set(wn, labels, coarse_of):
    entries = []
    for label in labels:
        key = CIFAR_ALIASES.get(label, label)
        if key not in CIFAR100:
            sys.exit("CIFAR label %r has no entry in the hand table CIFAR100" % label)
        gold, gold_name, alts, why = CIFAR100[key]
        for off, nm in [(gold, gold_name)] + alts:
            if off not in wn.words:
                sys.exit("%s: %s is not in data.noun" % (label, off))
            if wn.name(off) != nm:
                sys.exit("%s: %s is %s, table says %s" % (label, off, wn.name(off), nm))
        senses = wn.index.get(lemma_key(label), [])
        c = ["%s [%s]: %s '%s'" % (label, coarse_of.get(label, "?"), gold_name, wn.short_gloss(gold))]
        if not senses:
            c.append("  '%s' is not a WordNet 3.0 noun lemma." % lemma_key(label))
        else:
            pos = senses.index(gold) + 1 if gold in senses else None
            c.append("  '%s' has %d noun sense%s; gold is %s." % (
                lemma_key(label), len(senses), "" if len(senses) == 1 else "s",
                "sense %d" % pos if pos else "not one of them"))
            if senses[0] != gold:
                c.append("  first sense: %s '%s'" % (wn.name(senses[0]), wn.short_gloss(senses[0])))
        for off, nm in alts:
            c.append("  alt %s '%s'" % (nm, wn.short_gloss(off)))
        c.append("  why: " + why)
        entries.append(Entry(label, gold, [o for o, _ in alts], c))
    return entries


# ---------------------------------------------------------------------------------------------
# Baselines
# ---------------------------------------------------------------------------------------------

def baseline(wn, entries):
    r = dict(labels=len(entries), lemma=0, strict=0, lenient=0, person=[], misses=[])
    for e in entries:
        senses = wn.index.get(lemma_key(e.label))
        if not senses:
            continue
        r["lemma"] += 1
        fs = senses[0]
        if fs == e.gold:
            r["strict"] += 1
        if fs == e.gold or fs in e.alts:
            r["lenient"] += 1
        else:
            r["misses"].append((e.label, wn.name(fs), wn.name(e.gold)))
        if wn.under_person(fs) and not wn.under_person(e.gold):
            r["person"].append((e.label, wn.name(fs), wn.name(e.gold)))
    return r


def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "-"


def figures_markdown(wn, sets, per_class):
    rows = ["| gold set | labels (main lines) | WordNet noun lemmas | not a lemma | first sense = gold "
            "| first sense = gold or #alt | first sense under person.n.01, gold not |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in sets:
        rows.append("| `%s` | %d | %d | %d | %d (%s) | %d (%s) | %d |" % (
            name, r["labels"], r["lemma"], r["labels"] - r["lemma"], r["strict"],
            pct(r["strict"], r["labels"]), r["lenient"], pct(r["lenient"], r["labels"]), len(r["person"])))
    pc_hit, pc_n = per_class
    rows.append("")
    rows.append("Per ImageNet class rather than per label (1,000 classes, each class's own first lemma, "
                "no merging): the first sense of the first lemma is the class's synset for **%d / %d**."
                % (pc_hit, pc_n))
    for name, r in sets:
        if r["person"]:
            rows.append("")
            rows.append("`%s`, first sense under person.n.01 while the gold is not (%d): %s." % (
                name, len(r["person"]), ", ".join("%s (%s, gold %s)" % p for p in r["person"])))
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jar", default=DEFAULT_JAR)
    ap.add_argument("--datasets", default=DEFAULT_DATASETS)
    ap.add_argument("--check", action="store_true", help="compare with the files on disk; write nothing")
    ap.add_argument("--list", action="store_true", help="print the labels behind each figure")
    args = ap.parse_args()

    wn = WordNet(args.jar)
    ids = [l.strip()[1:] for l in open(os.path.join(args.datasets, "imagenet-1k-wnids.txt"))
           if l.strip() and not l.startswith("#")]
    assert len(ids) == 1000 and len(set(ids)) == 1000, "expected 1,000 distinct ImageNet-1k wnids"
    for off in ids:
        assert off in wn.words, "ImageNet wnid n%s is not in WordNet 3.0 data.noun" % off
    labels = [l.strip() for l in open(os.path.join(args.datasets, "cifar100-fine-labels.txt")) if l.strip()]
    coarse = json.load(open(os.path.join(args.datasets, "cifar100-coarse-to-fine.json")))
    coarse_of = {f: c for c, fs in coarse.items() for f in fs}
    assert len(labels) == 100 and len(set(labels)) == 100, "expected 100 distinct CIFAR-100 labels"

    files = {}
    common = ["Generated by eval/senses/derive.py; do not edit by hand (see eval/senses/README.md).",
              "Format: label<TAB>wnid; '#alt<TAB>label<TAB>wnid' = another acceptable synset; other # lines are comments.",
              "Labels are matched after normalisation: lower case, runs of '_'/' ' -> one space, trimmed."]

    # --- ImageNet-1k, first lemmas --------------------------------------------------------------
    fl, fl_merges = imagenet_set(wn, ids, first_lemma(wn), "first lemma")
    hdr = ["ImageNet-1k (ILSVRC-2012) classes labelled by their WordNet 3.0 FIRST LEMMA.",
           "Source: ../shared/datasets/imagenet-1k-wnids.txt (1,000 wnids, class-index order) + WordNet 3.0",
           "data.noun from extjwnl-data-wn30-1.2.jar. Label = the synset's first word exactly as data.noun",
           "writes it (case kept, '_' for spaces); gold = the class's own wnid, which ImageNet fixes.",
           ""] + common + ["",
           "Judgement calls (the only ones; everything else is mechanical):",
           "1. Labels are kept verbatim from data.noun (e.g. 'Cardigan', 'African_elephant', \"jack-o'-lantern\"),",
           "   not lower-cased or re-spelled, and not the hand-edited short names some code bases use.",
           "2. %d first lemmas are shared by two classes after normalisation, so %d main lines, not 1,000:"
           % (len(fl_merges), len(fl))]
    for key, members in fl_merges:
        hdr.append("   - '%s': %s" % (key, "; ".join("class %d %s %s" % (i, wnid(o), wn.name(o)) for i, o in members)))
    hdr += ["   Each appears once, written as the FIRST class (ImageNet order) writes it; that class is the gold",
            "   and the other is #alt. This follows the rule 'first in ImageNet order', not word frequency:",
            "   for 'cardigan' and 'maillot' WordNet's own sense 1 is the #alt class."]
    files["imagenet1k-first-lemmas.tsv"] = render_gold(hdr, fl)
    files["imagenet1k-first-lemmas.txt"] = render_list(
        ["ImageNet-1k first lemmas (WordNet 3.0 data.noun), class-index order, %d labels: the %d merged"
         % (len(fl), len(fl_merges)),
         "duplicates (%s) appear once, at the first class. Gold: imagenet1k-first-lemmas.tsv; made by derive.py."
         % ", ".join(k for k, _ in fl_merges)], fl)

    # --- ImageNet-1k, full names ----------------------------------------------------------------
    fn, fn_merges = imagenet_set(wn, ids, full_name(wn), "full name")
    hdr = ["ImageNet-1k (ILSVRC-2012) classes labelled by ALL lemmas of their synset (ImageNet style, 'tench, Tinca tinca').",
           "Source: ../shared/datasets/imagenet-1k-wnids.txt (1,000 wnids, class-index order) + WordNet 3.0",
           "data.noun from extjwnl-data-wn30-1.2.jar. Label = the synset's words in data.noun order, '_' -> ' ',",
           "joined by ', ' (case kept); gold = the class's own wnid.",
           ""] + common + ["",
           "Judgement calls:",
           "1. Lemma order and spelling are data.noun's, case kept.",
           "2. %d full name%s shared by two classes, so %d main lines, not 1,000:"
           % (len(fn_merges), " is" if len(fn_merges) == 1 else "s are", len(fn))]
    for key, members in fn_merges:
        hdr.append("   - '%s': %s" % (key, "; ".join("class %d %s %s" % (i, wnid(o), wn.name(o)) for i, o in members)))
    hdr += ["   Written once as the first class (ImageNet order) writes it; that class is gold, the other #alt.",
            "   ('Cardigan, Cardigan Welsh corgi' vs 'cardigan' and 'maillot' vs 'maillot, tank suit' differ here.)"]
    files["imagenet1k-full-names.tsv"] = render_gold(hdr, fn)
    files["imagenet1k-full-names.txt"] = render_list(
        ["ImageNet-1k full names (all WordNet 3.0 lemmas, ', '-joined), class-index order, %d labels:" % len(fn),
         "the merged duplicate%s (%s) appear%s once. Gold: imagenet1k-full-names.tsv; made by derive.py."
         % ("" if len(fn_merges) == 1 else "s", ", ".join(k for k, _ in fn_merges),
            "s" if len(fn_merges) == 1 else "")], fn)

    # --- CIFAR-100 ------------------------------------------------------------------------------
    cf = cifar_set(wn, labels, coarse_of)
    hdr = ["CIFAR-100 fine labels -> the WordNet 3.0 noun synset each CIFAR class means, assigned by hand.",
           "Labels: ../shared/datasets/cifar100-fine-labels.txt, in label order; superclasses from",
           "cifar100-coarse-to-fine.json decide between senses (seal under aquatic_mammals is the animal).",
           "The table and its reasons live in derive.py (CIFAR100); names are lemma.n.NN by index.noun order.",
           ""] + common + ["",
           "Policy: gold is one of the label's own noun senses whenever one fits the class (aquarium_fish is",
           "the one label that is not a WordNet lemma). #alt = another synset a careful annotator could",
           "honestly pick for the same images (broader, narrower or sibling reading); senses for the fur,",
           "flesh, wood, a person, etc. are never alts. Each label's comment gives the gold's name and gloss,",
           "its sense number, WordNet's first sense when that differs, the alts, and why.",
           "Note: the shared list spells the trees maple, oak, palm, pine, willow (the CIFAR web page's",
           "names); the dataset's meta files say maple_tree, oak_tree, palm_tree, pine_tree, willow_tree.",
           "The gold uses the shared list's spelling; the synsets would be the same for the _tree names."]
    files["cifar100.tsv"] = render_gold(hdr, cf)

    # --- checks ---------------------------------------------------------------------------------
    for name in ("imagenet1k-first-lemmas.tsv", "imagenet1k-full-names.tsv", "cifar100.tsv"):
        seen = set()
        mains = 0
        for line in files[name].splitlines():
            if line.startswith("#alt\t"):
                _, lab, w = line.split("\t")
                assert norm(lab) in seen and w[1:] in wn.words, (name, line)
            elif not line.startswith("#"):
                lab, w = line.split("\t")
                assert norm(lab) not in seen, "duplicate label %r in %s" % (lab, name)
                assert re.fullmatch(r"n\d{8}", w) and w[1:] in wn.words, (name, line)
                seen.add(norm(lab))
                mains += 1
        covered = set()
        for line in files[name].splitlines():
            if not line.startswith("#") or line.startswith("#alt\t"):
                covered.add(line.split("\t")[-1][1:])
        if name.startswith("imagenet"):
            assert covered == set(ids), name + ": not every ImageNet class is gold or alt"
        print("%-30s %4d main lines, %d #alt lines" % (name, mains, files[name].count("\n#alt\t")))
    for name, ents in (("imagenet1k-first-lemmas.txt", fl), ("imagenet1k-full-names.txt", fn)):
        listed = [l for l in files[name].splitlines() if not l.startswith("#")]
        assert listed == [e.label for e in ents], name

    # --- baselines ------------------------------------------------------------------------------
    sets = [("imagenet1k-first-lemmas.tsv", baseline(wn, fl)),
            ("imagenet1k-full-names.tsv", baseline(wn, fn)),
            ("cifar100.tsv", baseline(wn, cf))]
    pc = sum(1 for off in ids if wn.index.get(lemma_key(wn.words[off][0]), [None])[0] == off)
    md = figures_markdown(wn, sets, (pc, len(ids)))
    print()
    print(md)
    if args.list:
        for name, r in sets:
            print("\n%s: first sense is neither gold nor alt (%d):" % (name, len(r["misses"])))
            for m in r["misses"]:
                print("  %-28s first %-26s gold %s" % m)

    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        text = open(readme, encoding="utf-8").read()
        if README_START in text and README_END in text:
            a, rest = text.split(README_START, 1)
            _, b = rest.split(README_END, 1)
            files["README.md"] = a + README_START + "\n" + md + "\n" + README_END + b

    # --- write or check -------------------------------------------------------------------------
    stale = []
    for name, content in files.items():
        path = os.path.join(HERE, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != content:
            stale.append(name)
            if not args.check:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(content)
    print()
    if args.check:
        print("up to date" if not stale else "differs from derive.py's output: " + ", ".join(stale))
        sys.exit(1 if stale else 0)
    print("wrote: " + (", ".join(stale) if stale else "nothing (all up to date)"))


if __name__ == "__main__":
    main()
