// Code samples for generated answers, in several languages. `{name}` is
// replaced by an identifier derived from the topic so answers vary.

export interface Snippet {
  lang: string;
  code: string;
}

export const SNIPPETS: readonly Snippet[] = [
  {
    lang: 'typescript',
    code: `export interface {Name}Options {
  retries: number;
  timeoutMs: number;
}

export async function load{Name}(url: string, opts: {Name}Options): Promise<string> {
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
    if (res.ok) return res.text();
  }
  throw new Error(\`{name}: gave up after \${opts.retries + 1} attempts\`);
}`,
  },
  {
    lang: 'python',
    code: `from dataclasses import dataclass


@dataclass
class {Name}:
    name: str
    weight: float = 1.0

    def score(self, values: list[float]) -> float:
        """Weighted mean of the values, 0.0 for an empty list."""
        if not values:
            return 0.0
        return self.weight * sum(values) / len(values)


print({Name}("{name}").score([3, 4, 5]))`,
  },
  {
    lang: 'rust',
    code: `use std::collections::HashMap;

fn count_{name}(words: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in words {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn main() {
    let counts = count_{name}(&["a", "B", "a"]);
    println!("{:?}", counts);
}`,
  },
  {
    lang: 'go',
    code: `package main

import (
	"fmt"
	"strings"
)

// {Name} keeps a running summary of what it has seen.
type {Name} struct {
	items []string
}

func (s *{Name}) Add(item string) { s.items = append(s.items, strings.TrimSpace(item)) }

func main() {
	s := &{Name}{}
	s.Add(" first ")
	fmt.Println(len(s.items), s.items[0])
}`,
  },
  {
    lang: 'bash',
    code: `#!/usr/bin/env bash
set -euo pipefail

# Back up every *.{name} file, keeping the last 5 copies.
dest="$HOME/backups/{name}"
mkdir -p "$dest"
for f in ./*.{name}; do
  cp -- "$f" "$dest/$(date +%Y%m%d)-$(basename "$f")"
done
ls -1t "$dest" | tail -n +6 | xargs -r -I{} rm -- "$dest/{}"`,
  },
  {
    lang: 'sql',
    code: `-- Top 10 {name} entries of the last 30 days
SELECT c.name, COUNT(*) AS uses, AVG(e.duration_ms) AS avg_ms
FROM {name}_events AS e
JOIN categories AS c ON c.id = e.category_id
WHERE e.created_at >= NOW() - INTERVAL '30 days'
GROUP BY c.name
ORDER BY uses DESC
LIMIT 10;`,
  },
  {
    lang: 'json',
    code: `{
  "name": "{name}",
  "version": "1.4.0",
  "settings": {
    "enabled": true,
    "threshold": 0.75,
    "tags": ["fast", "reliable"]
  }
}`,
  },
  {
    lang: 'css',
    code: `.{name}-card {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 0.75rem;
  padding: 1rem;
  border-radius: 0.5rem;
  background: color-mix(in srgb, canvas 92%, currentColor);
}`,
  },
];
