package main

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// The Maven reactor, from the poms: which modules exist and which reactor modules each one depends on.
// Only what the checks need (modules, artifact ids, dependency scopes): there is no Go library for Maven's
// model, and running Maven itself would need a JDK and minutes.

type Reactor struct {
	Group   string
	Modules map[string]Module // by directory name
	Order   []string
}

type Module struct {
	Name         string
	ArtifactID   string
	Dependencies []Dependency
}

type Dependency struct {
	GroupID    string `xml:"groupId"`
	ArtifactID string `xml:"artifactId"`
	Scope      string `xml:"scope"`
}

type pom struct {
	GroupID      string       `xml:"groupId"`
	ArtifactID   string       `xml:"artifactId"`
	Modules      []string     `xml:"modules>module"`
	Dependencies []Dependency `xml:"dependencies>dependency"`
}

func readPom(repo Repo, rel string) (pom, error) {
	var p pom
	text, err := repo.Text(rel)
	if err == nil {
		err = xml.Unmarshal([]byte(text), &p)
	}
	if err != nil {
		return p, fmt.Errorf("%s: %w", rel, err)
	}
	return p, nil
}

func ReadReactor(repo Repo) (*Reactor, error) {
	root, err := readPom(repo, "pom.xml")
	if err != nil {
		return nil, err
	}
	reactor := &Reactor{Group: root.GroupID, Modules: map[string]Module{}}
	for _, name := range root.Modules {
		name = strings.TrimSpace(name)
		reactor.Order = append(reactor.Order, name)
		if !repo.Exists(name + "/pom.xml") {
			reactor.Modules[name] = Module{Name: name, ArtifactID: name}
			continue
		}
		module, err := readPom(repo, name+"/pom.xml")
		if err != nil {
			return nil, err
		}
		reactor.Modules[name] = Module{Name: name, ArtifactID: module.ArtifactID, Dependencies: module.Dependencies}
	}
	return reactor, nil
}

// AlsoMake: what `-pl selected -am` builds: the module and every reactor module it depends on, any scope.
func (r *Reactor) AlsoMake(selected string) map[string]bool {
	return r.closure(selected, func(Dependency) bool { return true })
}

// RuntimeClosure: the reactor modules on the runtime class path of selected (compile and runtime scope).
func (r *Reactor) RuntimeClosure(selected string) map[string]bool {
	return r.closure(selected, onRuntimeClassPath)
}

func onRuntimeClassPath(d Dependency) bool {
	return d.Scope == "" || d.Scope == "compile" || d.Scope == "runtime"
}

func (r *Reactor) closure(selected string, follow func(Dependency) bool) map[string]bool {
	byArtifact := map[string]string{}
	for name, module := range r.Modules {
		byArtifact[module.ArtifactID] = name
	}
	result := map[string]bool{}
	todo := []string{selected}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		module, ok := r.Modules[name]
		if result[name] || !ok {
			continue
		}
		result[name] = true
		for _, d := range module.Dependencies {
			if dependency, inReactor := byArtifact[d.ArtifactID]; inReactor && d.GroupID == r.Group && follow(d) {
				todo = append(todo, dependency)
			}
		}
	}
	return result
}
