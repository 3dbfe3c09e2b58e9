package main

import (
	"strings"

	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

// DockerIgnore is the build context's .dockerignore, read and matched by the code BuildKit and the Docker
// CLI use (moby/patternmatcher).
type DockerIgnore struct {
	matcher *patternmatcher.PatternMatcher
}

func ReadDockerIgnore(repo Repo) (*DockerIgnore, error) {
	text := ""
	if repo.Exists(".dockerignore") {
		var err error
		if text, err = repo.Text(".dockerignore"); err != nil {
			return nil, err
		}
	}
	patterns, err := ignorefile.ReadAll(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	matcher, err := patternmatcher.New(patterns)
	if err != nil {
		return nil, err
	}
	return &DockerIgnore{matcher: matcher}, nil
}

// Excluded: the pattern that keeps path (or a parent directory) out of the context, "" if it is in.
func (d *DockerIgnore) Excluded(path string) string {
	if excluded, err := d.matcher.MatchesOrParentMatches(path); err != nil || !excluded {
		return ""
	}
	culprit := "?"
	for _, pattern := range d.matcher.Patterns() {
		single, err := patternmatcher.New([]string{pattern.String()})
		if err != nil || pattern.Exclusion() {
			continue
		}
		if hit, _ := single.MatchesOrParentMatches(path); hit {
			culprit = pattern.String()
		}
	}
	return culprit
}
