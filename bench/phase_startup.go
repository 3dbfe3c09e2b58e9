// Phase: start-up time and idle memory of every service alone, per JVM variant.

package main

import (
	"time"
)

// measureStartup starts every service alone (nothing else but the emulator runs), per JVM variant,
// interleaving the variants, and records the time from exec to a ready health endpoint, the CPU the
// JVM used until then, and the RSS after 5 s idle.
func measureStartup(sys *system, o options) []startupResult {
	var results []startupResult
	for _, svc := range []service{product, basket, ordering, gateway} {
		byVariant := map[string]*startupResult{}
		for rep := 0; rep < o.StartupReps; rep++ {
			for _, v := range jvmVariants {
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
				logf("start-up %s [%s] #%d: ready in %.2f s (%.2f CPU s), idle RSS %.0f MB (load %s)", svc.Name, v.Name, rep+1, ready.Seconds(), cpu, rss, loadAverage())
			}
		}
		for _, v := range jvmVariants {
			if res := byVariant[v.Name]; res != nil {
				res.MedReadyS = round(median(res.ReadyS), 2)
				res.MedRSSMB = round(median(res.IdleRSSMB), 0)
				res.MedCPUToReadyS = round(median(res.CPUToReadyS), 2)
				results = append(results, *res)
			}
		}
	}
	return results
}
