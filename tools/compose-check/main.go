// Command compose-check: the project's own static checks of docker-compose.yml (alone and with each
// override), the Dockerfiles it builds and .dockerignore, over the model the real tools resolve: compose-go
// (the Compose CLI's loader: interpolation, overrides, schema), BuildKit's Dockerfile parser and
// moby/patternmatcher (.dockerignore). No Docker engine is used. The rules: docs/containers.md.
// Run by scripts/compose-check (make compose-check), which builds it into .tools/bin.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(v string) error { *f = append(*f, v); return nil }

func main() {
	root := flag.String("root", ".", "the repository root")
	selfTest := flag.Bool("self-test", false, "also prove with the fixtures that each check fails")
	verbose := flag.Bool("verbose", false, "print each fixture's failure message")
	flag.BoolVar(verbose, "v", false, "short for -verbose")
	var compose fileList
	flag.Var(&compose, "compose", "check this model (repeat to merge overrides); default: the base file, and the "+
		"base file with each override")
	flag.Parse()
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compose-check:", err)
		os.Exit(2)
	}
	models := DefaultModels
	if len(compose) > 0 {
		models = [][]string{compose}
	}
	ok := report(RunChecks(Repo{Root: absRoot}, models), models)
	if *selfTest {
		ok = SelfTest(absRoot, models, *verbose) && ok
	}
	if !ok {
		os.Exit(1)
	}
}

func report(result *Result, models [][]string) bool {
	for _, check := range Checks {
		messages := result.Failures[check]
		status := "ok  "
		if len(messages) > 0 {
			status = "FAIL"
		}
		fmt.Printf("  %s %s\n", status, check)
		for _, message := range messages {
			fmt.Printf("       - %s\n", message)
		}
	}
	labels := make([]string, len(models))
	for i, files := range models {
		labels[i] = label(files)
	}
	failed := len(result.Failed())
	fmt.Printf("compose-check: %d passed, %d failed (%s)\n", len(Checks)-failed, failed, strings.Join(labels, "; "))
	return failed == 0
}
