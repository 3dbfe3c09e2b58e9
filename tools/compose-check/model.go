package main

import (
	"context"
	"strings"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// LoadModel resolves the compose files the way `docker compose -f a -f b config` does, with compose-go,
// the library the Compose CLI is built on: YAML anchors and merge keys, interpolation (with an empty
// environment, as on a fresh machine), override merging (including !reset and !override), schema
// validation, durations and sizes, and the consistency checks (unknown services, networks, ...). Every
// profile is enabled, so that tools under a profile (k6) are checked too. A load error is the `schema`
// check's failure.
func LoadModel(repo Repo, files []string) (*types.Project, error) {
	details := types.ConfigDetails{WorkingDir: repo.Root, Environment: types.Mapping{}}
	for _, rel := range files {
		text, err := repo.Text(rel)
		if err != nil {
			return nil, err
		}
		details.ConfigFiles = append(details.ConfigFiles, types.ConfigFile{Filename: repo.Abs(rel), Content: []byte(text)})
	}
	return loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
		o.Profiles = []string{"*"}
		o.SetProjectName("compose-check", false) // used only when the file names no project
	})
}

// Model is a resolved project plus what the checks derive from its services.
type Model struct {
	Label    string
	Project  *types.Project
	Names    []string          // service names, sorted
	OneShot  map[string]bool   // what others wait for with service_completed_successfully
	Running  []string          // long-running services: neither one-shot nor a profiled tool
	Aliases  map[string]string // host name on the compose network -> service
	ModuleOf map[string]string // built service -> reactor module
	Images   map[string]*Dockerfile
}

func NewModel(label string, project *types.Project) *Model {
	m := &Model{Label: label, Project: project, OneShot: map[string]bool{}, Aliases: map[string]string{},
		ModuleOf: map[string]string{}, Images: map[string]*Dockerfile{}}
	m.Names = sortedKeys(project.Services)
	awaited := map[string]bool{}
	for _, name := range m.Names {
		service := project.Services[name]
		m.Aliases[name] = name
		for _, network := range service.Networks {
			for _, alias := range aliasesOf(network) {
				m.Aliases[alias] = name
			}
		}
		for dependency, spec := range service.DependsOn {
			awaited[dependency] = true
			if spec.Condition == types.ServiceConditionCompletedSuccessfully {
				m.OneShot[dependency] = true
			}
		}
	}
	for _, name := range m.Names {
		if !m.OneShot[name] && !profiledTool(project.Services[name], awaited[name]) {
			m.Running = append(m.Running, name)
		}
	}
	return m
}

func aliasesOf(network *types.ServiceNetworkConfig) []string {
	if network == nil {
		return nil
	}
	return network.Aliases
}

// profiledTool: a one-shot tool under a profile (the k6 load tests). `up` never starts it and nothing waits
// for it; `docker compose --profile P run` runs it once and returns its exit status. It needs no health
// check, as long as it says it runs once (an explicit restart "no") and no service depends on it.
func profiledTool(service types.ServiceConfig, awaited bool) bool {
	return len(service.Profiles) > 0 && service.Restart == types.RestartPolicyNo && !awaited
}

func (m *Model) Service(name string) types.ServiceConfig { return m.Project.Services[name] }

// Condition: how `name` waits for `dependency` ("" when it does not depend on it).
func (m *Model) Condition(name, dependency string) string {
	spec, ok := m.Service(name).DependsOn[dependency]
	if !ok {
		return ""
	}
	return spec.Condition
}

func healthDisabled(service types.ServiceConfig) bool {
	health := service.HealthCheck
	return health == nil || health.Disable || len(health.Test) == 0 || health.Test[0] == "NONE"
}

func environment(service types.ServiceConfig) map[string]string { return values(service.Environment) }

// values: a KEY=value list or mapping as plain strings (a key without a value: "").
func values(mapping types.MappingWithEquals) map[string]string {
	plain := map[string]string{}
	for key, value := range mapping {
		plain[key] = ""
		if value != nil {
			plain[key] = *value
		}
	}
	return plain
}

func memoryLimit(service types.ServiceConfig) bool {
	if service.MemLimit > 0 {
		return true
	}
	deploy := service.Deploy
	return deploy != nil && deploy.Resources.Limits != nil && deploy.Resources.Limits.MemoryBytes > 0
}

func replicas(service types.ServiceConfig) int {
	if service.Deploy != nil && service.Deploy.Replicas != nil {
		return *service.Deploy.Replicas
	}
	if service.Scale != nil {
		return *service.Scale
	}
	return 1
}

func label(files []string) string { return strings.Join(files, " + ") }
