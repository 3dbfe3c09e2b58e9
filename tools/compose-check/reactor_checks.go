package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

var selectedModules = regexp.MustCompile(`(?:-pl|--projects)[ =]([A-Za-z0-9_.,-]+)`)

// checkReactorStage: a stage that runs the Maven wrapper copies what Maven reads: mvnw, .mvn, the root pom,
// every reactor module's pom (even with -pl), and the sources of every module `-pl X -am` builds.
func checkReactorStage(file string, stage Stage, reactor *Reactor, result *Result) {
	var runs []string
	var lines []int
	copied := map[string]bool{}
	for _, command := range stage.Commands {
		if run, ok := stage.Runs[command]; ok && strings.Contains(run, "mvnw") {
			runs = append(runs, run)
			lines = append(lines, line(command))
		}
		if sources, from, ok := copySources(command); ok && from == "" {
			for _, source := range sources {
				copied[path.Clean(source)] = true
			}
		}
	}
	if len(runs) == 0 {
		return
	}
	has := func(rel string) bool { return copied["."] || copiedWithParent(copied, rel) }
	for _, needed := range []string{"mvnw", ".mvn", "pom.xml"} {
		if !has(needed) {
			result.Fail("dockerfile-reactor", fmt.Sprintf("%s: the build stage does not copy %s", file, needed))
		}
	}
	for _, module := range reactor.Order {
		if !has(module + "/pom.xml") {
			result.Fail("dockerfile-reactor", fmt.Sprintf("%s: the build stage does not copy %s/pom.xml (Maven "+
				"reads every module of the reactor, even with -pl)", file, module))
		}
	}
	for i, run := range runs {
		selected := selectedModules.FindStringSubmatch(run)
		if selected == nil {
			result.Fail("dockerfile-reactor", fmt.Sprintf("%s:%d: the Maven build selects no module (-pl)", file,
				lines[i]))
			continue
		}
		for _, target := range strings.Split(selected[1], ",") {
			if _, known := reactor.Modules[target]; !known {
				result.Fail("dockerfile-reactor", fmt.Sprintf("%s:%d: -pl %s is not a reactor module", file,
					lines[i], target))
				continue
			}
			for _, needed := range sortedKeys(reactor.AlsoMake(target)) {
				if !has(needed + "/src") {
					result.Fail("dockerfile-reactor", fmt.Sprintf("%s: the build stage does not copy %s/src "+
						"(-pl %s -am builds %s)", file, needed, target, needed))
				}
			}
		}
	}
}

// copiedWithParent: rel, or a directory above it, is among the copied sources.
func copiedWithParent(copied map[string]bool, rel string) bool {
	for p := path.Clean(rel); p != "." && p != "/"; p = path.Dir(p) {
		if copied[p] {
			return true
		}
	}
	return false
}
