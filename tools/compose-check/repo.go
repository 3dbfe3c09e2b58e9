package main

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Repo is the repository as the checks see it: the real tree, with some files replaced in memory (the
// self-test's edits). Paths are slash-separated and relative to the root.
type Repo struct {
	Root      string
	Overrides map[string]string
}

func (r Repo) Abs(rel string) string { return filepath.Join(r.Root, filepath.FromSlash(rel)) }

func (r Repo) Text(rel string) (string, error) {
	if text, ok := r.Overrides[rel]; ok {
		return text, nil
	}
	data, err := os.ReadFile(r.Abs(rel))
	return string(data), err
}

func (r Repo) Exists(rel string) bool {
	if _, ok := r.Overrides[rel]; ok {
		return true
	}
	_, err := os.Stat(r.Abs(rel))
	return err == nil
}

// Glob: the files matching a path.Match pattern, in the tree or among the replaced files.
func (r Repo) Glob(pattern string) []string {
	hits := map[string]bool{}
	found, _ := filepath.Glob(r.Abs(pattern))
	for _, p := range found {
		rel, _ := filepath.Rel(r.Root, p)
		hits[filepath.ToSlash(rel)] = true
	}
	for rel := range r.Overrides {
		if ok, _ := path.Match(pattern, rel); ok {
			hits[rel] = true
		}
	}
	return sortedKeys(hits)
}

// FilesUnder: every file below dir whose name ends with suffix.
func (r Repo) FilesUnder(dir, suffix string) []string {
	hits := map[string]bool{}
	_ = filepath.WalkDir(r.Abs(dir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, suffix) {
			rel, _ := filepath.Rel(r.Root, p)
			hits[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	for rel := range r.Overrides {
		if strings.HasPrefix(rel, dir+"/") && strings.HasSuffix(rel, suffix) {
			hits[rel] = true
		}
	}
	return sortedKeys(hits)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
