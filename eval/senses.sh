#!/usr/bin/env bash
# Imports each committed gold set's labels into a scratch index and scores the primary senses
# (synscope eval-senses), next to WordNet's first sense. Usage: bash eval/senses.sh [--json]
# CIFAR-100's labels and coarse classes are read from ../shared/datasets (skipped when absent).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
IDX="$(mktemp -d)"; trap 'rm -rf "$IDX"' EXIT
S=./synscope
run() { # dataset, gold, label file, extra index options...
  local d="$1" gold="$2" labels="$3"; shift 3
  "$S" index "$labels" --dataset "$d" --index "$IDX" "$@" >/dev/null
  "$S" eval-senses "$gold" --dataset "$d" --index "$IDX" ${JSON:-} ${CONF:-}
  echo
}
[ "${1:-}" = "--json" ] && JSON=--json
run in1k-first-lemmas eval/senses/imagenet1k-first-lemmas.tsv eval/senses/imagenet1k-first-lemmas.txt
run in1k-full-names eval/senses/imagenet1k-full-names.tsv eval/senses/imagenet1k-full-names.txt
SHARED=../shared/datasets
if [ -f "$SHARED/cifar100-fine-labels.txt" ]; then
  run cifar100 eval/senses/cifar100.tsv "$SHARED/cifar100-fine-labels.txt"
  run cifar100-coarse eval/senses/cifar100.tsv "$SHARED/cifar100-fine-labels.txt" --hints "$SHARED/cifar100-coarse-to-fine.json"
else
  echo "cifar100: skipped ($SHARED/cifar100-fine-labels.txt not found)"
fi
