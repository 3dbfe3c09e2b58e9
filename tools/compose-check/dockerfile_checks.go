package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

// checkDockerfile: the checks of one image's Dockerfile (image-pinned for its bases, dockerfile-*); nil
// when it does not parse (a `build` failure: BuildKit would refuse it too).
func checkDockerfile(repo Repo, result *Result, rel string, oneShot bool, reactor *Reactor, ignore *DockerIgnore,
	args map[string]string) *Dockerfile {
	text, err := repo.Text(rel)
	if err != nil {
		result.Fail("build", err.Error())
		return nil
	}
	dockerfile, err := ParseDockerfile(rel, text, args)
	if err != nil {
		result.Fail("build", fmt.Sprintf("%s: %v", rel, err))
		return nil
	}
	if len(dockerfile.Stages) == 0 {
		result.Fail("dockerfile-user", rel+": no FROM")
		return dockerfile
	}
	checkBaseImages(dockerfile, result)
	checkCopies(repo, dockerfile, ignore, result)
	checkUser(dockerfile, result)
	checkImageHealth(dockerfile, oneShot, result)
	for _, stage := range dockerfile.Stages {
		checkReactorStage(dockerfile.Path, stage, reactor, result)
	}
	return dockerfile
}

func checkBaseImages(d *Dockerfile, result *Result) {
	if d.Syntax != "" && !pinned(d.Syntax) {
		result.Fail("image-pinned", fmt.Sprintf("%s: '# syntax=%s' is not pinned to a version", d.Path, d.Syntax))
	}
	stages := map[string]bool{"scratch": true}
	for _, stage := range d.Stages {
		if !stages[stage.Image] && !pinned(stage.Image) {
			result.Fail("image-pinned", fmt.Sprintf("%s: FROM %s is not pinned (needs a version tag like "+
				"25.0.3_9-jre-noble or a @sha256 digest)", d.Path, stage.RawImage))
		}
		if stage.Name != "" {
			stages[stage.Name] = true
		}
	}
}

var urlSource = regexp.MustCompile(`^[a-z]+://`)

// checkCopies: COPY/ADD, and RUN's bind mounts, take only repository files that the build context
// (.dockerignore) includes, or an earlier stage's (or a pinned image's) files.
func checkCopies(repo Repo, d *Dockerfile, ignore *DockerIgnore, result *Result) {
	stages := map[string]bool{}
	for index, stage := range d.Stages {
		stages[fmt.Sprint(index)] = true
		for _, command := range stage.Commands {
			sources, from, ok := copySources(command)
			if !ok {
				continue
			}
			where := fmt.Sprintf("%s:%d: %s", d.Path, line(command), strings.ToUpper(command.Name()))
			if from != "" {
				if !stages[from] && !pinned(from) {
					result.Fail("dockerfile-copy", fmt.Sprintf("%s --from=%s names neither an earlier stage nor a "+
						"pinned image", where, from))
				}
				continue
			}
			for _, source := range sources {
				checkCopySource(repo, where, source, ignore, result)
			}
		}
		if stage.Name != "" {
			stages[stage.Name] = true
		}
	}
}

func checkCopySource(repo Repo, where, source string, ignore *DockerIgnore, result *Result) {
	if urlSource.MatchString(source) {
		result.Fail("dockerfile-copy", fmt.Sprintf("%s of a URL (%s); only repository files are allowed", where,
			source))
		return
	}
	rel := path.Clean(strings.TrimPrefix(source, "/"))
	matches := repo.Glob(rel)
	if len(matches) == 0 {
		result.Fail("dockerfile-copy", fmt.Sprintf("%s %s: no such file in the repository (the build context is "+
			"its root)", where, source))
	}
	for _, match := range matches {
		if pattern := ignore.Excluded(match); pattern != "" {
			result.Fail("dockerfile-copy", fmt.Sprintf("%s %s: excluded from the build context by .dockerignore "+
				"(%s)", where, source, pattern))
		}
	}
}

// copySources: the file sources of a COPY or ADD (heredocs have none) and its --from; of a RUN, its bind
// mounts of the build context (a bind mount with from= takes a stage's or an image's files, which the build
// context does not limit; BuildKit checks those).
func copySources(command instructions.Command) ([]string, string, bool) {
	switch c := command.(type) {
	case *instructions.CopyCommand:
		return c.SourcePaths, c.From, true
	case *instructions.AddCommand:
		return c.SourcePaths, "", true
	case *instructions.RunCommand:
		var sources []string
		for _, mount := range instructions.GetMounts(c) {
			if mount.Type == instructions.MountTypeBind && mount.From == "" {
				sources = append(sources, mount.Source)
			}
		}
		return sources, "", len(sources) > 0
	}
	return nil, "", false
}

func checkUser(d *Dockerfile, result *Result) {
	user := ""
	for _, command := range d.Final().Commands {
		if c, ok := command.(*instructions.UserCommand); ok {
			user = c.User
		}
	}
	switch name, _, _ := strings.Cut(user, ":"); {
	case user == "":
		result.Fail("dockerfile-user", d.Path+": the final stage has no USER (it would run as the base image's "+
			"user, root)")
	case name == "root" || name == "0":
		result.Fail("dockerfile-user", fmt.Sprintf("%s: the final stage runs as %q", d.Path, user))
	}
}

func checkImageHealth(d *Dockerfile, oneShot bool, result *Result) {
	var test []string
	for _, command := range d.Final().Commands {
		if c, ok := command.(*instructions.HealthCheckCommand); ok {
			test = c.Health.Test
		}
	}
	none := len(test) == 0 || test[0] == "NONE"
	switch {
	case oneShot && !none:
		result.Fail("dockerfile-health", d.Path+": a one-shot job's image declares a HEALTHCHECK")
	case oneShot:
	case none:
		result.Fail("dockerfile-health", d.Path+": the final stage has no HEALTHCHECK")
	case !strings.Contains(strings.Join(test, " "), livenessPath):
		result.Fail("dockerfile-health", fmt.Sprintf("%s: the HEALTHCHECK does not probe %s (a readiness check "+
			"would mark the container unhealthy whenever DynamoDB is slow)", d.Path, livenessPath))
	}
}
