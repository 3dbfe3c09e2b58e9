// Phase: start-up time and idle memory of every service alone, per JVM variant.

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// measureStartup starts every service alone (nothing else but the emulator runs), per JVM variant, in
// rounds: each round starts every service with every variant once, so that a machine that speeds up or
// slows down during the phase shifts them all alike. It records the time from exec to a ready health endpoint, the CPU the
// JVM used until then, and the RSS after 5 s idle.
func measureStartup(sys *system, o options, services []service, variants []jvmVariant) []startupResult {
	type key struct{ service, variant string }
	byKey := map[key]*startupResult{}
	splits := map[key][3][]float64{} // JVM before Spring, Spring's run, Started to ready
	for rep := 0; rep < o.StartupReps; rep++ {
		for _, svc := range services {
			for _, v := range variants {
				if v.AOT && rep == 0 {
					// Train the cache first (a separate run, not timed).
					if _, _, err := sys.extracted(svc, v); err != nil {
						logf("AOT training of %s failed: %v", svc.Name, err)
						continue
					}
				}
				p, ready, err := sys.start(svc, v, nil, 3*time.Minute)
				if err != nil {
					logf("start-up %s/%s failed: %v", svc.Name, v.Name, err)
					continue
				}
				cpu := cpuSeconds(p.Pid())
				time.Sleep(5 * time.Second)
				rss := rssMB(p.Pid())
				p.Stop(30 * time.Second)
				k := key{svc.Name, v.Name}
				res := byKey[k]
				if res == nil {
					res = &startupResult{Service: svc.Name, Variant: v.Name}
					byKey[k] = res
				}
				res.ReadyS = append(res.ReadyS, round(ready.Seconds(), 2))
				res.IdleRSSMB = append(res.IdleRSSMB, round(rss, 0))
				res.CPUToReadyS = append(res.CPUToReadyS, round(cpu, 2))
				if run, uptime, ok := startedLine(p.Log); ok {
					split := splits[k]
					split[0] = append(split[0], uptime-run)
					split[1] = append(split[1], run)
					split[2] = append(split[2], ready.Seconds()-uptime)
					splits[k] = split
				}
				logf("start-up %s [%s] #%d: ready in %.2f s (%.2f CPU s), idle RSS %.0f MB (load %s)", svc.Name, v.Name, rep+1, ready.Seconds(), cpu, rss, loadAverage())
			}
		}
	}
	var results []startupResult
	for _, svc := range services {
		for _, v := range variants {
			k := key{svc.Name, v.Name}
			if res := byKey[k]; res != nil {
				res.MedReadyS = round(median(res.ReadyS), 2)
				res.MedRSSMB = round(median(res.IdleRSSMB), 0)
				res.MedCPUToReadyS = round(median(res.CPUToReadyS), 2)
				if split := splits[k]; len(split[0]) > 0 {
					res.MedJVMBeforeSpringS = round(median(split[0]), 2)
					res.MedSpringRunS = round(median(split[1]), 2)
					res.MedStartedToReadyS = round(median(split[2]), 2)
				}
				results = append(results, *res)
			}
		}
	}
	return results
}

// startupServices are the services of -startup-services, in the phase's order (all four by default),
// after the reference applications with -startup-reference.
func startupServices(o options) ([]service, error) {
	picked, err := pickByName("-startup-services", o.StartupServices, []service{product, basket, ordering, gateway},
		func(s service) string { return s.Name })
	if err != nil || !o.StartupReference {
		return picked, err
	}
	return append(slices.Clone(referenceApps), picked...), nil
}

// buildReference packages the reference applications (bench/reference, not in the root reactor) with the
// repository's Maven wrapper and the run's JDK.
func buildReference(s *system) error {
	logf("building the reference applications (bench/reference)")
	cmd := exec.Command(filepath.Join(s.root, "mvnw"), "-B", "-q", "-f", filepath.Join(s.root, "bench", "reference", "pom.xml"), "package", "-DskipTests")
	cmd.Dir = s.root
	cmd.Env = append(os.Environ(), "JAVA_HOME="+filepath.Dir(filepath.Dir(s.java)))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building bench/reference: %v: %s", err, out)
	}
	return nil
}

// startupVariants are the JVM variants of -startup-variants (all by default), then one per entry of
// -startup-flags: the extracted jar with an AOT cache trained with those options, which is how an option
// is tried against the default in one run, interleaved with it.
func startupVariants(o options) ([]jvmVariant, error) {
	out, err := pickByName("-startup-variants", o.StartupVariants, jvmVariants, func(v jvmVariant) string { return v.Name })
	if err != nil {
		return nil, err
	}
	for _, flags := range strings.Split(o.StartupFlags, ";") {
		if fields := strings.Fields(flags); len(fields) > 0 {
			out = append(out, jvmVariant{Name: "extracted+AOT cache, " + strings.Join(fields, " "), Flags: fields, Extracted: true, AOT: true})
		}
	}
	return out, nil
}

// pickByName returns the entries of all named in the list, in its order (a copy of all when the list is
// empty). Names are separated by ';', since variant names have commas in them; a name that is not there is
// an error, not an empty selection.
func pickByName[T any](option, list string, all []T, name func(T) string) ([]T, error) {
	if list == "" {
		return slices.Clone(all), nil
	}
	var out []T
	for _, want := range strings.Split(list, ";") {
		i := slices.IndexFunc(all, func(t T) bool { return name(t) == strings.TrimSpace(want) })
		if i < 0 {
			var have []string
			for _, t := range all {
				have = append(have, strconv.Quote(name(t)))
			}
			return nil, fmt.Errorf("%s: no %q (have %s)", option, want, strings.Join(have, ", "))
		}
		out = append(out, all[i])
	}
	return out, nil
}

// Spring Boot logs this once a context has started; in our JSON logs it is the message of one line.
var startedPattern = regexp.MustCompile(`Started \S+ in ([0-9.]+) seconds \(process running for ([0-9.]+)\)`)

// startedLine reads a start's log for Spring Boot's start-up line: the seconds SpringApplication.run took
// and the JVM's uptime when it returned.
func startedLine(logPath string) (run, uptime float64, ok bool) {
	data, err := os.ReadFile(logPath)
	if err != nil {
		return 0, 0, false
	}
	return parseStarted(string(data))
}

func parseStarted(log string) (run, uptime float64, ok bool) {
	m := startedPattern.FindStringSubmatch(log)
	if m == nil {
		return 0, 0, false
	}
	run, err1 := strconv.ParseFloat(m[1], 64)
	uptime, err2 := strconv.ParseFloat(m[2], 64)
	if err1 != nil || err2 != nil || run > uptime {
		return 0, 0, false
	}
	return run, uptime, true
}
