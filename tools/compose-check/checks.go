package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// livenessPath: what a container health check of our own (Spring Boot) images probes: liveness, never
// readiness, which asks DynamoDB, so that a brownout takes tasks out of the load balancer instead of
// restarting them.
const livenessPath = "/actuator/health/liveness"

// Compose files checked by default: the base file alone, then the base file with each override.
var DefaultModels = [][]string{{"docker-compose.yml"}, {"docker-compose.yml", "docker-compose.floci.yml"}}

// RunChecks: every check over every model (a list of compose files merged in order).
func RunChecks(repo Repo, models [][]string) *Result {
	result := NewResult()
	for _, files := range models {
		checkModel(repo, files, result)
	}
	return result
}

func checkModel(repo Repo, files []string, result *Result) {
	project, err := LoadModel(repo, files)
	if err != nil {
		message := strings.ReplaceAll(err.Error(), repo.Root+string(filepath.Separator), "")
		result.Fail("schema", fmt.Sprintf("%s: %s", label(files), strings.Join(strings.Fields(message), " ")))
		return
	}
	reactor, err := ReadReactor(repo)
	if err != nil {
		result.Fail("build", err.Error())
		return
	}
	ignore, err := ReadDockerIgnore(repo)
	if err != nil {
		result.Fail("dockerfile-copy", err.Error())
		return
	}
	model := NewModel(label(files), project)
	for _, name := range model.Names {
		checkImageAndBuild(repo, model, reactor, ignore, name, result)
	}
	checkHealth(model, result)
	checkDependsOn(model, result)
	checkEnvironment(repo, model, reactor, result)
	checkHardening(model, result)
}

var versionInTag = regexp.MustCompile(`\d+\.\d+`)

// pinned: a reference names a digest, or a tag with at least major.minor (never latest or no tag).
func pinned(reference string) bool {
	if strings.Contains(reference, "@sha256:") {
		return true
	}
	last := reference[strings.LastIndex(reference, "/")+1:]
	_, tag, found := strings.Cut(last, ":")
	return found && tag != "latest" && versionInTag.MatchString(tag)
}
