package main

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
)

// checkImageAndBuild: a pulled image is pinned; a built one is built from the repository root, by an
// existing Dockerfile, for a reactor module, with every build argument the Dockerfile requires; then the
// Dockerfile's own checks. Records the module and the parsed Dockerfile in the model.
func checkImageAndBuild(repo Repo, m *Model, reactor *Reactor, ignore *DockerIgnore, name string, result *Result) {
	service := m.Service(name)
	where := m.Label + ": " + name
	if service.Build == nil {
		if !pinned(service.Image) {
			result.Fail("image-pinned", fmt.Sprintf("%s: image %s is not pinned (needs a version tag with "+
				"major.minor, e.g. 4.14.0, or a @sha256 digest)", where, service.Image))
		}
		return
	}
	if strings.HasSuffix(service.Image, ":latest") {
		result.Fail("image-pinned", fmt.Sprintf("%s: built image tagged %s", where, service.Image))
	}
	dockerfile, ok := checkBuildContext(repo, service.Build, where, result)
	if !ok {
		return
	}
	args := buildArguments(service.Build)
	// The shared service Dockerfile names its module by the MODULE build argument; a module's own
	// Dockerfile (local-aws) by its directory.
	module := args["MODULE"]
	if module == "" && strings.Contains(dockerfile, "/") {
		module = strings.SplitN(dockerfile, "/", 2)[0]
	}
	if _, known := reactor.Modules[module]; !known {
		result.Fail("build", fmt.Sprintf("%s: %s builds no module of the reactor (pass build.args.MODULE, or "+
			"keep the Dockerfile in its module's directory)", where, dockerfile))
		return
	}
	m.ModuleOf[name] = module
	parsed := checkDockerfile(repo, result, dockerfile, m.OneShot[name], reactor, ignore, args)
	if parsed == nil {
		return
	}
	m.Images[name] = parsed
	for _, arg := range sortedKeys(parsed.Declared) {
		if _, passed := args[arg]; !parsed.Declared[arg] && !passed {
			result.Fail("build", fmt.Sprintf("%s: %s needs build argument %s, which build.args does not pass",
				where, dockerfile, arg))
		}
	}
}

// checkBuildContext: the context is the repository root and the Dockerfile exists; returns the Dockerfile's
// path relative to the root.
func checkBuildContext(repo Repo, build *types.BuildConfig, where string, result *Result) (string, bool) {
	context := build.Context
	if !filepath.IsAbs(context) {
		context = filepath.Join(repo.Root, context)
	}
	if filepath.Clean(context) != filepath.Clean(repo.Root) {
		result.Fail("build", fmt.Sprintf("%s: build.context is %q; the images are built with the repository "+
			"root as context", where, build.Context))
	}
	dockerfile := build.Dockerfile
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	if !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(context, dockerfile)
	}
	rel, err := filepath.Rel(repo.Root, dockerfile)
	rel = path.Clean(filepath.ToSlash(rel))
	if err != nil || !repo.Exists(rel) {
		result.Fail("build", fmt.Sprintf("%s: %s does not exist", where, rel))
		return "", false
	}
	return rel, true
}

func buildArguments(build *types.BuildConfig) map[string]string { return values(build.Args) }
