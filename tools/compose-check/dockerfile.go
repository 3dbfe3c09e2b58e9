package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// Dockerfile is a Dockerfile as BuildKit's own front end reads it (parser + instructions), with the build
// arguments and ENV values expanded into the instructions that BuildKit expands (FROM, COPY, ENV, USER, ...)
// and, for these checks, into RUN command lines too (the shell would do it at build time).
type Dockerfile struct {
	Path     string
	Syntax   string // the `# syntax=` frontend, if any
	Stages   []Stage
	Declared map[string]bool // every ARG of the stages -> whether it has a default
}

type Stage struct {
	Name     string
	Image    string // the base (FROM), with the global ARGs expanded
	RawImage string
	Commands []instructions.Command
	Runs     map[instructions.Command]string // RUN command line, expanded
}

func (d *Dockerfile) Final() Stage { return d.Stages[len(d.Stages)-1] }

func ParseDockerfile(path, text string, buildArgs map[string]string) (*Dockerfile, error) {
	ast, err := parser.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	stages, metaArgs, err := instructions.Parse(ast.AST, nil)
	if err != nil {
		return nil, err
	}
	lex := shell.NewLex(ast.EscapeToken)
	syntax, _, _, _ := parser.DetectSyntax([]byte(text))
	dockerfile := &Dockerfile{Path: path, Syntax: syntax, Declared: map[string]bool{}}
	global := scope{}
	for _, arg := range metaArgs {
		global.declare(arg, buildArgs)
	}
	for _, stage := range stages {
		image, _, _ := lex.ProcessWord(stage.BaseName, global.getter())
		parsed := Stage{Name: stage.Name, Image: image, RawImage: stage.BaseName,
			Runs: map[instructions.Command]string{}}
		local := scope{}
		for _, command := range stage.Commands {
			if err := local.expand(lex, command, parsed.Runs); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			switch c := command.(type) {
			case *instructions.ArgCommand:
				for _, kv := range c.Args {
					dockerfile.Declared[kv.Key] = dockerfile.Declared[kv.Key] || kv.Value != nil
				}
				local.declare(*c, buildArgs)
			case *instructions.EnvCommand:
				for _, kv := range c.Env {
					local[kv.Key] = kv.Value
				}
			}
			parsed.Commands = append(parsed.Commands, command)
		}
		dockerfile.Stages = append(dockerfile.Stages, parsed)
	}
	return dockerfile, nil
}

// scope: the ARG and ENV values visible to an instruction.
type scope map[string]string

func (s scope) declare(arg instructions.ArgCommand, buildArgs map[string]string) {
	for _, kv := range arg.Args {
		if value, ok := buildArgs[kv.Key]; ok {
			s[kv.Key] = value
		} else if kv.Value != nil {
			s[kv.Key] = *kv.Value
		}
	}
}

func (s scope) getter() shell.EnvGetter {
	pairs := make([]string, 0, len(s))
	for key, value := range s {
		pairs = append(pairs, key+"="+value)
	}
	return shell.EnvsFromSlice(pairs)
}

func (s scope) expand(lex *shell.Lex, command instructions.Command, runs map[instructions.Command]string) error {
	word := func(word string) (string, error) {
		expanded, _, err := lex.ProcessWord(word, s.getter())
		return expanded, err
	}
	if run, ok := command.(*instructions.RunCommand); ok {
		line := strings.Join(run.CmdLine, " ")
		if expanded, err := word(line); err == nil {
			line = expanded
		}
		runs[command] = line
		// Its --mount flags: BuildKit parses their fields only when it expands them.
		return run.Expand(word)
	}
	expandable, ok := command.(instructions.SupportsSingleWordExpansion)
	if !ok {
		return nil
	}
	return expandable.Expand(word)
}

var variableReference = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// VariablesReadAtRun: the variables the final stage's ENTRYPOINT, CMD and HEALTHCHECK reference (they are
// expanded by the container's shell at run time, so the service's environment feeds them).
func (d *Dockerfile) VariablesReadAtRun() map[string]bool {
	reads := map[string]bool{}
	for _, command := range d.Final().Commands {
		var words []string
		switch c := command.(type) {
		case *instructions.EntrypointCommand:
			words = c.CmdLine
		case *instructions.CmdCommand:
			words = c.CmdLine
		case *instructions.HealthCheckCommand:
			words = c.Health.Test
		}
		for _, match := range variableReference.FindAllStringSubmatch(strings.Join(words, " "), -1) {
			reads[match[1]] = true
		}
	}
	return reads
}

// EnvSet: the ENV values of the final stage, as the container starts with them.
func (d *Dockerfile) EnvSet() map[string]string {
	values := map[string]string{}
	for _, command := range d.Final().Commands {
		if env, ok := command.(*instructions.EnvCommand); ok {
			for _, kv := range env.Env {
				values[kv.Key] = kv.Value
			}
		}
	}
	return values
}

func line(command instructions.Command) int {
	if located, ok := command.(interface{ Location() []parser.Range }); ok && len(located.Location()) > 0 {
		return located.Location()[0].Start.Line
	}
	return 0
}
