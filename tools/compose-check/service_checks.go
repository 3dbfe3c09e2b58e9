package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
)

// checkHealth: every long-running service has a health check, on liveness for our own images; a one-shot
// runs once and some long-running service waits for it (else `up --wait` reports its exit as a failure).
func checkHealth(m *Model, result *Result) {
	for _, name := range m.Running {
		service := m.Service(name)
		switch _, ours := m.ModuleOf[name]; {
		case healthDisabled(service):
			result.Fail("healthcheck", fmt.Sprintf("%s: %s has no health check (docker compose up --wait could "+
				"not tell when it is ready)", m.Label, name))
		case ours && !strings.Contains(strings.Join(service.HealthCheck.Test, " "), livenessPath):
			result.Fail("healthcheck", fmt.Sprintf("%s: %s's health check does not probe %s (readiness asks "+
				"DynamoDB: a slow emulator would make a healthy container unhealthy)", m.Label, name, livenessPath))
		}
	}
	for _, name := range sortedKeys(m.OneShot) {
		if restart := m.Service(name).Restart; restart != "" && restart != types.RestartPolicyNo {
			result.Fail("healthcheck", fmt.Sprintf("%s: one-shot %s has restart %q; it must run once", m.Label,
				name, restart))
		}
		adopted := slices.ContainsFunc(m.Running, func(n string) bool {
			return m.Condition(n, name) == types.ServiceConditionCompletedSuccessfully
		})
		if !adopted {
			result.Fail("healthcheck", fmt.Sprintf("%s: no long-running service waits for one-shot %s, so `up "+
				"--wait` would report its exit as a failure", m.Label, name))
		}
	}
}

// checkDependsOn: a service waits for what it depends on to be ready: healthy (which needs a health check),
// or completed for a one-shot. (Unknown services are the loader's consistency check.)
func checkDependsOn(m *Model, result *Result) {
	for _, name := range m.Names {
		for _, dependency := range sortedKeys(m.Service(name).DependsOn) {
			switch m.Condition(name, dependency) {
			case types.ServiceConditionHealthy:
				if healthDisabled(m.Service(dependency)) {
					result.Fail("depends-on", fmt.Sprintf("%s: %s waits for %s to be healthy, which has no health "+
						"check", m.Label, name, dependency))
				}
			case types.ServiceConditionStarted:
				if !m.OneShot[dependency] {
					result.Fail("depends-on", fmt.Sprintf("%s: %s depends on %s without a condition; use "+
						"service_healthy so it starts only once that one is ready", m.Label, name, dependency))
				}
			}
		}
	}
}

// checkHardening: every container has a memory limit and no-new-privileges and is not privileged; ours also
// run read-only with a /tmp tmpfs and without capabilities; a host port is published once, by one replica.
func checkHardening(m *Model, result *Result) {
	hostPorts := map[string]string{}
	for _, name := range m.Names {
		service := m.Service(name)
		fail := func(format string, args ...any) {
			result.Fail("hardening", fmt.Sprintf("%s: "+format, append([]any{m.Label}, args...)...))
		}
		if !memoryLimit(service) {
			fail("%s has no memory limit (mem_limit)", name)
		}
		if !slices.ContainsFunc(service.SecurityOpt, func(o string) bool {
			o = strings.ReplaceAll(o, "=", ":")
			return o == "no-new-privileges:true" || o == "no-new-privileges"
		}) {
			fail("%s lacks security_opt no-new-privileges:true", name)
		}
		if service.Privileged {
			fail("%s is privileged", name)
		}
		if _, ours := m.ModuleOf[name]; ours {
			checkOwnContainer(service, fail)
		}
		for _, port := range service.Ports {
			if port.Published == "" {
				continue
			}
			if other, taken := hostPorts[port.Published]; taken {
				fail("host port %s is published by %s and %s", port.Published, other, name)
			}
			hostPorts[port.Published] = name
			if n := replicas(service); n > 1 {
				fail("%s has %d replicas but publishes host port %s, which only one of them can bind", name, n,
					port.Published)
			}
		}
	}
}

func checkOwnContainer(service types.ServiceConfig, fail func(string, ...any)) {
	name := service.Name
	if !service.ReadOnly {
		fail("%s is not read_only", name)
	}
	if !slices.ContainsFunc(service.Tmpfs, func(t string) bool { return strings.Split(t, ":")[0] == "/tmp" }) {
		fail("%s is read_only but has no tmpfs /tmp (the JVM and Tomcat write there)", name)
	}
	if !slices.ContainsFunc(service.CapDrop, func(c string) bool { return strings.EqualFold(c, "ALL") }) {
		fail("%s does not drop all capabilities (cap_drop: [ALL])", name)
	}
	if len(service.CapAdd) > 0 {
		fail("%s adds capabilities", name)
	}
}
