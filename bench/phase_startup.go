// Phase: start-up time and idle memory of every service alone, per JVM variant.

package main

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// measureStartup starts every service alone (nothing else but the emulator runs), per JVM variant,
// interleaving the variants, and records the time from exec to a ready health endpoint, the CPU the
// JVM used until then, and the RSS after 5 s idle.
func measureStartup(sys *system, o options) ([]startupResult, error) {
	services, err := startupServices(o)
	if err != nil {
		return nil, err
	}
	variants, err := startupVariants(o)
	if err != nil {
		return nil, err
	}
	var results []startupResult
	for _, svc := range services {
		byVariant := map[string]*startupResult{}
		splits := map[string][3][]float64{} // per variant: JVM before Spring, Spring's run, Started to ready
		for rep := 0; rep < o.StartupReps; rep++ {
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
				res := byVariant[v.Name]
				if res == nil {
					res = &startupResult{Service: svc.Name, Variant: v.Name}
					byVariant[v.Name] = res
				}
				res.ReadyS = append(res.ReadyS, round(ready.Seconds(), 2))
				res.IdleRSSMB = append(res.IdleRSSMB, round(rss, 0))
				res.CPUToReadyS = append(res.CPUToReadyS, round(cpu, 2))
				if run, uptime, ok := startedLine(p.Log); ok {
					split := splits[v.Name]
					split[0] = append(split[0], uptime-run)
					split[1] = append(split[1], run)
					split[2] = append(split[2], ready.Seconds()-uptime)
					splits[v.Name] = split
				}
				logf("start-up %s [%s] #%d: ready in %.2f s (%.2f CPU s), idle RSS %.0f MB (load %s)", svc.Name, v.Name, rep+1, ready.Seconds(), cpu, rss, loadAverage())
			}
		}
		for _, v := range variants {
			if res := byVariant[v.Name]; res != nil {
				res.MedReadyS = round(median(res.ReadyS), 2)
				res.MedRSSMB = round(median(res.IdleRSSMB), 0)
				res.MedCPUToReadyS = round(median(res.CPUToReadyS), 2)
				if split := splits[v.Name]; len(split[0]) > 0 {
					res.MedJVMBeforeSpringS = round(median(split[0]), 2)
					res.MedSpringRunS = round(median(split[1]), 2)
					res.MedStartedToReadyS = round(median(split[2]), 2)
				}
				results = append(results, *res)
			}
		}
	}
	return results, nil
}

// startupServices are the services of -startup-services, in the phase's order (all four by default).
func startupServices(o options) ([]service, error) {
	all := []service{product, basket, ordering, gateway}
	if o.StartupServices == "" {
		return all, nil
	}
	var out []service
	for _, name := range strings.Split(o.StartupServices, ",") {
		i := slices.IndexFunc(all, func(s service) bool { return s.Name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("-startup-services: no service %q (have product-service, basket-service, ordering-service, gateway)", name)
		}
		out = append(out, all[i])
	}
	return out, nil
}

// startupVariants are the JVM variants of -startup-variants (all by default), then one per entry of
// -startup-flags: the extracted jar with an AOT cache trained with those options, which is how an option
// is tried against the default in one run, interleaved with it.
func startupVariants(o options) ([]jvmVariant, error) {
	out := jvmVariants
	if o.StartupVariants != "" {
		out = nil
		for _, name := range strings.Split(o.StartupVariants, ",") {
			i := slices.IndexFunc(jvmVariants, func(v jvmVariant) bool { return v.Name == strings.TrimSpace(name) })
			if i < 0 {
				return nil, fmt.Errorf("-startup-variants: no variant %q", name)
			}
			out = append(out, jvmVariants[i])
		}
	}
	out = slices.Clone(out)
	for _, flags := range strings.Split(o.StartupFlags, ";") {
		if fields := strings.Fields(flags); len(fields) > 0 {
			out = append(out, jvmVariant{Name: "extracted+AOT cache, " + strings.Join(fields, " "), Flags: fields, Extracted: true, AOT: true})
		}
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
