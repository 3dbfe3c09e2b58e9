package main

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
)

var serviceURL = regexp.MustCompile(`^(https?)://([A-Za-z0-9._-]+)(?::(\d+))?(/.*)?$`)

// checkEnvironment: what compose and the image set is read by the service (env-read), what the service
// needs is set (env-required), AWS users target an emulator and wait for the provisioner, and URLs name a
// service of the file on a port it listens on (env-url).
func checkEnvironment(repo Repo, m *Model, reactor *Reactor, result *Result) {
	environments := map[string]*ModuleEnvironment{}
	for name, module := range m.ModuleOf {
		env, err := ReadModuleEnvironment(repo, reactor, module)
		if err != nil {
			result.Fail("env-read", err.Error())
			return
		}
		environments[name] = env
	}
	for _, name := range m.Names {
		if env, ours := environments[name]; ours {
			checkOwnEnvironment(m, name, env, result)
		}
		checkURLs(m, name, environments, result)
	}
}

func checkOwnEnvironment(m *Model, name string, env *ModuleEnvironment, result *Result) {
	module := m.ModuleOf[name]
	set := environment(m.Service(name))
	imageSets, reads := map[string]string{}, map[string]bool{}
	if image, ok := m.Images[name]; ok {
		imageSets, reads = image.EnvSet(), image.VariablesReadAtRun()
	}
	read := func(variable string) bool { return reads[variable] || env.ReadsVariable(variable) }
	for _, variable := range sortedKeys(set) {
		if !read(variable) {
			result.Fail("env-read", fmt.Sprintf("%s: %s sets %s, which %s does not read (not a placeholder or key "+
				"of its application.yml, not an AWS SDK or JVM variable, not read by its image)", m.Label, name,
				variable, module))
		}
	}
	for _, variable := range sortedKeys(imageSets) {
		if !read(variable) {
			result.Fail("env-read", fmt.Sprintf("%s: ENV %s is not read by %s", m.Images[name].Path, variable, module))
		}
	}
	effective := maps.Clone(imageSets)
	maps.Copy(effective, set)
	for _, variable := range sortedKeys(env.Required) {
		if _, ok := effective[variable]; !ok {
			result.Fail("env-required", fmt.Sprintf("%s: %s must set %s: %s", m.Label, name, variable,
				env.Required[variable]))
		}
	}
	if env.UsesAWS {
		checkAWSEnvironment(m, name, effective, result)
	}
}

// checkAWSEnvironment: a service with the AWS SDK talks to the emulator (never real AWS from a laptop), with
// credentials of its own, and starts once the provisioner has created the resources.
func checkAWSEnvironment(m *Model, name string, effective map[string]string, result *Result) {
	if _, ok := effective["AWS_ENDPOINT_URL"]; !ok {
		result.Fail("env-required", fmt.Sprintf("%s: %s uses AWS but sets no AWS_ENDPOINT_URL: it would call real "+
			"AWS from a laptop", m.Label, name))
		return
	}
	for _, variable := range []string{"AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"} {
		if _, ok := effective[variable]; !ok {
			result.Fail("env-required", fmt.Sprintf("%s: %s talks to an emulator but sets no %s (the SDK would look "+
				"for real ones)", m.Label, name, variable))
		}
	}
	if m.OneShot[name] {
		return
	}
	waits := slices.ContainsFunc(sortedKeys(m.OneShot), func(p string) bool {
		return m.ModuleOf[p] == "local-aws" && m.Condition(name, p) == types.ServiceConditionCompletedSuccessfully
	})
	if !waits {
		result.Fail("depends-on", fmt.Sprintf("%s: %s uses AWS resources but does not wait for the provisioner "+
			"(service_completed_successfully)", m.Label, name))
	}
}

// checkURLs: a URL in the environment names a service (or alias) of the file and a port it listens on, and
// the caller waits for that service.
func checkURLs(m *Model, name string, environments map[string]*ModuleEnvironment, result *Result) {
	set := environment(m.Service(name))
	for _, variable := range sortedKeys(set) {
		value := set[variable]
		match := serviceURL.FindStringSubmatch(value)
		if match == nil {
			continue
		}
		host, port := match[2], match[3]
		if port == "" {
			port = map[string]string{"https": "443", "http": "80"}[match[1]]
		}
		target, known := m.Aliases[host]
		if !known {
			result.Fail("env-url", fmt.Sprintf("%s: %s: %s=%s: %s is not a service of this file", m.Label, name,
				variable, value, host))
			continue
		}
		if ports := containerPorts(m, target, environments[target]); len(ports) > 0 && !ports[port] {
			result.Fail("env-url", fmt.Sprintf("%s: %s: %s=%s: %s listens on %s, not %s", m.Label, name, variable,
				value, target, strings.Join(sortedKeys(ports), ", "), port))
		}
		condition := m.Condition(name, target)
		if condition != types.ServiceConditionHealthy && condition != types.ServiceConditionCompletedSuccessfully {
			result.Fail("depends-on", fmt.Sprintf("%s: %s calls %s (%s) but does not wait for it to be healthy",
				m.Label, name, target, variable))
		}
	}
}

// containerPorts: the ports a service listens on, as far as the model says: published targets, expose, and
// for our own services SERVER_PORT (compose, else the image's ENV, else the application's default).
func containerPorts(m *Model, name string, env *ModuleEnvironment) map[string]bool {
	service := m.Service(name)
	ports := map[string]bool{}
	for _, port := range service.Ports {
		ports[fmt.Sprint(port.Target)] = true
	}
	for _, port := range service.Expose {
		ports[strings.Split(port, "/")[0]] = true
	}
	if env == nil {
		return ports
	}
	port, ok := environment(service)["SERVER_PORT"]
	if image, built := m.Images[name]; !ok && built {
		port, ok = image.EnvSet()["SERVER_PORT"]
	}
	if !ok {
		port = env.Defaults["SERVER_PORT"]
	}
	if port != "" {
		ports[port] = true
	}
	return ports
}
