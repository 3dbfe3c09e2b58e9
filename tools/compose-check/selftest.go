package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

const fixturesDir = "scripts/compose-check-fixtures"

// Fixture: exact text edits of the real files, applied in memory, and the check that must then fail.
type Fixture struct {
	Description string     `yaml:"description"`
	Expect      string     `yaml:"expect"`
	Models      [][]string `yaml:"models"`
	Edits       []struct {
		File    string  `yaml:"file"`
		Replace *string `yaml:"replace"`
		With    string  `yaml:"with"`
		Append  *string `yaml:"append"`
	} `yaml:"edits"`
}

// SelfTest proves with the fixtures that each check fails on its violation; it fails if a fixture's check
// passes, if an edit no longer applies (the real file changed), or if a check has no fixture.
func SelfTest(root string, models [][]string, verbose bool) bool {
	cases, _ := filepath.Glob(filepath.Join(root, fixturesDir, "*.yml"))
	passed, failed := 0, 0
	proven := map[string]bool{}
	for _, file := range cases {
		name := filepath.Base(file)
		expected, detail, problem := runFixture(root, file, models)
		if problem != "" {
			failed++
			fmt.Printf("  FAIL %s: %s\n", name, problem)
			continue
		}
		passed++
		proven[expected] = true
		if verbose {
			detail = " (" + detail + ")"
		} else {
			detail = ""
		}
		fmt.Printf("  ok   %s: %s fails%s\n", name, expected, detail)
	}
	var unproven []string
	for _, check := range Checks {
		if !proven[check] {
			unproven = append(unproven, check)
		}
	}
	if len(unproven) > 0 {
		failed++
		fmt.Printf("  FAIL no fixture shows that these checks can fail: %s\n", strings.Join(unproven, ", "))
	}
	fmt.Printf("self-test: %d passed, %d failed\n", passed, failed)
	return failed == 0
}

// runFixture: the expected check and its first message, or why the fixture does not prove it.
func runFixture(root, file string, models [][]string) (string, string, string) {
	data, err := os.ReadFile(file)
	var fixture Fixture
	if err == nil {
		err = yaml.Unmarshal(data, &fixture)
	}
	if err != nil || fixture.Expect == "" || len(fixture.Edits) == 0 {
		return "", "", fmt.Sprintf("not a fixture (%v)", err)
	}
	repo := Repo{Root: root, Overrides: map[string]string{}}
	for _, edit := range fixture.Edits {
		text, ok := repo.Overrides[edit.File]
		if !ok {
			original, _ := os.ReadFile(repo.Abs(edit.File))
			text = string(original)
		}
		switch {
		case edit.Replace != nil && !strings.Contains(text, *edit.Replace):
			return "", "", fmt.Sprintf("fixture no longer applies: %s does not contain %q", edit.File, *edit.Replace)
		case edit.Replace != nil:
			text = strings.Replace(text, *edit.Replace, edit.With, 1)
		case edit.Append != nil:
			text += *edit.Append
		}
		repo.Overrides[edit.File] = text
	}
	if len(fixture.Models) > 0 {
		models = fixture.Models
	}
	result := RunChecks(repo, models)
	if !slices.Contains(result.Failed(), fixture.Expect) {
		return "", "", fmt.Sprintf("expected check %s to fail; failed: %v", fixture.Expect, result.Failed())
	}
	return fixture.Expect, result.Failures[fixture.Expect][0], ""
}
