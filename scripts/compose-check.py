#!/usr/bin/env python3
"""Static checks of the container side, with no Docker engine: docker-compose.yml (alone and with each
override file), the Dockerfiles it builds and .dockerignore. Run through scripts/compose-check, which
provides PyYAML and jsonschema; the rules are explained in docs/containers.md.

Checks (each one can fail; --self-test proves it with the fixtures in scripts/compose-check-fixtures/):
  schema               the file, and the merged model, validate against the Compose Specification schema
                       (scripts/compose-spec.json, vendored); durations parse; the model is interpolated first
  image-pinned         every image (compose `image:`, Dockerfile FROM, `# syntax=`) names a version tag with
                       at least major.minor, or a digest; never `latest` or no tag
  build                build.context is the repository root, build.dockerfile exists and builds a reactor
                       module (build.args.MODULE, else its directory), and every ARG without a default is passed
  healthcheck          every long-running service has a health check, on /actuator/health/liveness for our own
                       images (readiness asks DynamoDB: a brownout would restart healthy containers); one-shot
                       services (what others wait for with service_completed_successfully) have restart "no"
                       and a long-running adopter; a tool under a profile with restart "no" that nothing
                       depends on (k6) needs none
  depends-on           service_healthy targets have health checks; a service calling another by URL depends
                       on it being healthy; AWS users wait for the provisioner (service_completed_successfully)
  env-read             every variable compose (or the image's ENV) sets is one the service reads
  env-required         every variable the service needs in a container is set
  env-url              URLs in the environment name a compose service (or alias) and its container port
  hardening            own images: read_only + tmpfs /tmp, cap_drop ALL, no-new-privileges, memory limit;
                       every service: memory limit, no-new-privileges, not privileged; host ports unique
  dockerfile-user      the final stage runs as a non-root USER
  dockerfile-copy      COPY/ADD sources exist in the repository and are not excluded by .dockerignore
  dockerfile-reactor   the Maven build stage copies mvnw, .mvn, the root pom, every reactor module's pom
                       and the sources of every module `-pl X -am` builds
  dockerfile-health    the image of a long-running service has a HEALTHCHECK on /actuator/health/liveness; a
                       one-shot's has none
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

CHECKS = [
    "schema", "image-pinned", "build", "healthcheck", "depends-on", "env-read", "env-required", "env-url",
    "hardening", "dockerfile-user", "dockerfile-copy", "dockerfile-reactor", "dockerfile-health",
]

# Compose files checked by default: the base file alone, then the base file with each override.
DEFAULT_MODELS = [["docker-compose.yml"], ["docker-compose.yml", "docker-compose.floci.yml"]]
SCHEMA_FILE = "scripts/compose-spec.json"
FIXTURES_DIR = "scripts/compose-check-fixtures"

# Variables the AWS SDK for Java 2.x reads itself (SdkSystemSetting, profile and endpoint resolution); a
# service reads them when the SDK is on its class path. AWS_ENDPOINT_URL_<SERVICE> is matched separately.
AWS_SDK_VARIABLES = {
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE",
    "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
    "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_EC2_METADATA_DISABLED",
    "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_DEFAULTS_MODE", "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT", "AWS_ACCOUNT_ID",
}
AWS_SERVICE_ENDPOINT = re.compile(r"^AWS_ENDPOINT_URL_[A-Z0-9_]+$")
AWS_GROUP_IDS = ("software.amazon.awssdk", "io.awspring.cloud")
# Read by every JVM (the java launcher / the VM itself).
JVM_VARIABLES = {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}

PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)(?::([^}]*))?\}")
GETENV = re.compile(r"(?:getenv|env\.get)\(\s*\"([A-Z][A-Z0-9_]*)\"\s*\)")
LOOPBACK_URL = re.compile(r"://(127\.0\.0\.1|localhost|\[::1\])([:/]|$)")
URL = re.compile(r"^(https?)://([A-Za-z0-9._-]+)(?::(\d+))?(/.*)?$")
DURATION = re.compile(r"^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$")
MAVEN_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
# What a container health check of our own (Spring Boot) images probes: liveness, never readiness, which
# depends on DynamoDB, so that a brownout takes tasks out of the load balancer instead of restarting them.
LIVENESS_PATH = "/actuator/health/liveness"


# ---------------------------------------------------------------------------------------------- files

class Repo:
    """The repository as the checks see it: the real tree, with some files replaced (self-test edits)."""

    def __init__(self, root: Path, overrides: dict[str, str] | None = None):
        self.root = root
        self.overrides = overrides or {}

    def text(self, rel: str) -> str:
        if rel in self.overrides:
            return self.overrides[rel]
        return (self.root / rel).read_text(encoding="utf-8")

    def exists(self, rel: str) -> bool:
        return rel in self.overrides or (self.root / rel).exists()

    def is_dir(self, rel: str) -> bool:
        return (self.root / rel).is_dir()

    def glob(self, pattern: str) -> list[str]:
        hits = [os.path.relpath(p, self.root) for p in glob.glob(str(self.root / pattern), recursive=True)]
        hits += [rel for rel in self.overrides if fnmatch.fnmatchcase(rel, pattern)]
        return sorted(set(hits))


class Reset:
    """`!reset` in an override file: removes the value (Compose 2.24+)."""


class Override:
    """`!override` in an override file: replaces the value instead of merging (Compose 2.24+)."""

    def __init__(self, value):
        self.value = value


class ComposeLoader(yaml.SafeLoader):
    pass


ComposeLoader.add_constructor("!reset", lambda loader, node: Reset())
ComposeLoader.add_constructor(
    "!override",
    lambda loader, node: Override(
        loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode)
        else loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode)
        else loader.construct_scalar(node)))


def interpolate(value, variables: dict[str, str], errors: list[str], where: str = ""):
    """Compose interpolation with the given variables ($$, $VAR, ${VAR}, ${VAR:-x}, ${VAR-x}, ${VAR:?e} ...)."""
    if isinstance(value, dict):
        return {k: interpolate(v, variables, errors, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, variables, errors, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, Override):
        return Override(interpolate(value.value, variables, errors, where))
    if not isinstance(value, str):
        return value
    pattern = re.compile(r"\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*)|(\{[^}]*\}?))")

    def replace(match: re.Match) -> str:
        if match.group(1):
            return "$"
        if match.group(6) is not None:
            errors.append(f"{where}: invalid interpolation {match.group(0)!r}")
            return ""
        name = match.group(2) or match.group(5)
        op, arg = match.group(3), match.group(4) or ""
        current = variables.get(name)
        empty = current is None or (op is not None and op.startswith(":") and current == "")
        if op in (":-", "-"):
            return arg if empty else current
        if op in (":?", "?"):
            if empty:
                errors.append(f"{where}: required variable {name} is not set ({arg})")
                return ""
            return current
        if op in (":+", "+"):
            return "" if empty else arg
        return current or ""

    return pattern.sub(replace, value)


def merge(base, override):
    """Compose's merge of an override file into the base model (close enough for these checks)."""
    if isinstance(override, Override):
        return override.value
    if isinstance(base, dict) and isinstance(override, dict):
        result = dict(base)
        for key, value in override.items():
            if isinstance(value, Reset):
                result.pop(key, None)
            elif key in result and key not in ("command", "entrypoint", "test"):
                result[key] = merge(result[key], value)
            else:
                result[key] = merge(None, value)
        return result
    if isinstance(base, list) and isinstance(override, list):
        return base + [item for item in override if item not in base]
    if isinstance(override, dict):
        return {k: merge(None, v) for k, v in override.items() if not isinstance(v, Reset)}
    return override


# ------------------------------------------------------------------------------------------ dockerfile

@dataclass
class Instruction:
    line: int
    keyword: str
    args: str


@dataclass
class Stage:
    index: int
    image: str
    name: str | None
    platform: str | None
    instructions: list[Instruction] = field(default_factory=list)


@dataclass
class Dockerfile:
    path: str
    syntax: str | None
    stages: list[Stage]
    global_args: dict[str, str]

    @property
    def final(self) -> Stage:
        return self.stages[-1]


def parse_dockerfile(path: str, text: str, build_args: dict[str, str] | None = None) -> Dockerfile:
    """The Dockerfile's stages, with each stage's ARGs (the build argument, else the default) substituted
    into the instructions after them, as the builder does; an ARG with neither stays unresolved."""
    syntax = None
    for raw in text.splitlines():
        directive = re.match(r"^#\s*syntax\s*=\s*(\S+)", raw)
        if directive:
            syntax = directive.group(1)
            continue
        if raw.startswith("#") or not raw.strip():
            if raw.startswith("#") and "=" not in raw:
                break
            continue
        break
    instructions: list[Instruction] = []
    buffer, start = "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if buffer and stripped.startswith("#"):
            continue
        if not buffer:
            start = number
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        buffer += stripped
        keyword, _, args = buffer.partition(" ")
        instructions.append(Instruction(start, keyword.upper(), args.strip()))
        buffer = ""
    stages: list[Stage] = []
    global_args: dict[str, str] = {}
    for instruction in instructions:
        if instruction.keyword == "FROM":
            words = instruction.args.split()
            platform = next((w.split("=", 1)[1] for w in words if w.startswith("--platform=")), None)
            words = [w for w in words if not w.startswith("--")]
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            stages.append(Stage(len(stages), words[0], name, platform))
        elif not stages:
            if instruction.keyword == "ARG":
                key, _, default = instruction.args.partition("=")
                global_args[key.strip()] = default.strip().strip('"')
        else:
            stages[-1].instructions.append(instruction)
    for stage in stages:
        scope: dict[str, str] = {}
        for instruction in stage.instructions:
            instruction.args = substitute_args(instruction.args, scope)
            if instruction.keyword == "ARG":
                key, has_default, default = instruction.args.partition("=")
                key = key.strip()
                if key in (build_args or {}):
                    scope[key] = (build_args or {})[key]
                elif has_default:
                    scope[key] = default.strip().strip('"')
    return Dockerfile(path, syntax, stages, global_args)


def substitute_args(text: str, scope: dict[str, str]) -> str:
    return re.sub(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))",
                  lambda m: scope.get(m.group(1) or m.group(2), m.group(0)), text)


def declared_args(dockerfile: Dockerfile) -> dict[str, bool]:
    """Every ARG of the stages, and whether it has a default."""
    declared: dict[str, bool] = {}
    for stage in dockerfile.stages:
        for instruction in stage.instructions:
            if instruction.keyword == "ARG":
                key, has_default, _ = instruction.args.partition("=")
                declared[key.strip()] = declared.get(key.strip(), False) or bool(has_default)
    return declared


def copy_sources(instruction: Instruction) -> tuple[list[str], dict[str, str]]:
    """The sources and the flags of a COPY/ADD (shell or JSON form); heredocs give no sources."""
    args = instruction.args
    flags: dict[str, str] = {}
    while args.startswith("--"):
        flag, _, args = args.partition(" ")
        key, _, value = flag[2:].partition("=")
        flags[key] = value
        args = args.strip()
    if args.startswith("<<"):
        return [], flags
    if args.startswith("["):
        parts = json.loads(args)
    else:
        parts = args.split()
    return parts[:-1], flags


def referenced_variables(text: str) -> set[str]:
    return set(re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", text))


# ---------------------------------------------------------------------------------------------- maven

@dataclass
class MavenModule:
    name: str
    artifact_id: str
    dependencies: list[tuple[str, str, str]]  # (groupId, artifactId, scope)


def read_pom(repo: Repo, rel: str) -> ET.Element:
    return ET.fromstring(repo.text(rel))


def reactor(repo: Repo) -> tuple[str, dict[str, MavenModule]]:
    root = read_pom(repo, "pom.xml")
    group = root.findtext("m:groupId", namespaces=MAVEN_NS)
    modules: dict[str, MavenModule] = {}
    for element in root.findall("m:modules/m:module", MAVEN_NS):
        name = element.text.strip()
        if not repo.exists(f"{name}/pom.xml"):
            modules[name] = MavenModule(name, name, [])
            continue
        pom = read_pom(repo, f"{name}/pom.xml")
        dependencies = [
            (d.findtext("m:groupId", "", MAVEN_NS), d.findtext("m:artifactId", "", MAVEN_NS),
             d.findtext("m:scope", "compile", MAVEN_NS))
            for d in pom.findall("m:dependencies/m:dependency", MAVEN_NS)]
        modules[name] = MavenModule(name, pom.findtext("m:artifactId", name, MAVEN_NS), dependencies)
    return group, modules


def also_make(group: str, modules: dict[str, MavenModule], selected: str) -> set[str]:
    """What `-pl selected -am` builds: the module and every reactor module it depends on, any scope."""
    by_artifact = {m.artifact_id: m.name for m in modules.values()}
    result, todo = set(), [selected]
    while todo:
        name = todo.pop()
        if name in result or name not in modules:
            continue
        result.add(name)
        todo += [by_artifact[a] for g, a, _ in modules[name].dependencies if g == group and a in by_artifact]
    return result


def runtime_closure(group: str, modules: dict[str, MavenModule], selected: str) -> set[str]:
    """The reactor modules on the runtime class path of `selected` (compile and runtime scope)."""
    by_artifact = {m.artifact_id: m.name for m in modules.values()}
    result, todo = set(), [selected]
    while todo:
        name = todo.pop()
        if name in result or name not in modules:
            continue
        result.add(name)
        todo += [by_artifact[a] for g, a, s in modules[name].dependencies
                 if g == group and a in by_artifact and s in ("compile", "runtime")]
    return result


# ----------------------------------------------------------------------------------- what a module reads

@dataclass
class ModuleEnvironment:
    reads: set[str]                  # variables the module reads (exact names)
    required: dict[str, str]         # variable -> why it must be set in a container
    defaults: dict[str, str]         # placeholder defaults (SERVER_PORT -> 8081)
    uses_aws: bool


def flatten(prefix: str, value, out: list[str]):
    if isinstance(value, dict):
        for key, child in value.items():
            flatten(f"{prefix}.{key}" if prefix else str(key), child, out)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            flatten(f"{prefix}[{index}]", child, out)
    else:
        out.append(prefix)


def scalars(value, out: list[str]):
    """Every scalar value of a YAML document (so that placeholders in comments do not count)."""
    if isinstance(value, dict):
        for child in value.values():
            scalars(child, out)
    elif isinstance(value, list):
        for child in value:
            scalars(child, out)
    elif value is not None:
        out.append(str(value))


def canonical_env_name(property_name: str) -> str:
    """Spring Boot's environment-variable form of a property: dots to _, dashes dropped, [n] to _n_."""
    name = re.sub(r"\[(\d+)\]", r"_\1_", property_name).replace(".", "_").replace("-", "")
    return name.upper().rstrip("_")


def module_environment(repo: Repo, group: str, modules: dict[str, MavenModule], module: str) -> ModuleEnvironment:
    reads: set[str] = set(JVM_VARIABLES)
    required: dict[str, str] = {}
    defaults: dict[str, str] = {}
    closure = runtime_closure(group, modules, module)
    for name in sorted(closure):
        for config in repo.glob(f"{name}/src/main/resources/application*.y*ml") + \
                repo.glob(f"{name}/src/main/resources/application*.properties"):
            text = repo.text(config)
            if config.endswith((".yml", ".yaml")):
                values: list[str] = []
                for document in yaml.safe_load_all(text):
                    scalars(document, values)
            else:  # .properties: the values, without comment lines
                values = [line.partition("=")[2] for line in text.splitlines()
                          if line.strip() and not line.lstrip().startswith(("#", "!"))]
            for match in PLACEHOLDER.finditer("\n".join(values)):
                variable, default = match.group(1), match.group(2)
                if not re.fullmatch(r"[A-Z][A-Z0-9_]*", variable):
                    continue
                reads.add(variable)
                if default is None:
                    required[variable] = f"{config} has ${{{variable}}} without a default"
                else:
                    defaults.setdefault(variable, default)
                    if LOOPBACK_URL.search(default):
                        required[variable] = (f"its default {default!r} ({config}) is a loopback URL, which in a "
                                              "container is the container itself")
            if config.endswith((".yml", ".yaml")):
                keys: list[str] = []
                for document in yaml.safe_load_all(text):
                    flatten("", document or {}, keys)
                reads |= {canonical_env_name(key) for key in keys}
        for source in repo.glob(f"{name}/src/main/java/**/*.java") or []:
            reads |= set(GETENV.findall(repo.text(source)))
    uses_aws = any(g in AWS_GROUP_IDS for name in closure for g, _, s in modules[name].dependencies
                   if s in ("compile", "runtime"))
    if uses_aws:
        reads |= AWS_SDK_VARIABLES
    return ModuleEnvironment(reads, required, defaults, uses_aws)


# -------------------------------------------------------------------------------------------- checking

@dataclass
class Result:
    failures: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in CHECKS})

    def fail(self, check: str, message: str):
        self.failures[check].append(message)

    @property
    def failed(self) -> list[str]:
        return [c for c in CHECKS if self.failures[c]]


def pinned(reference: str) -> bool:
    if "@sha256:" in reference:
        return True
    last = reference.rsplit("/", 1)[-1]
    if ":" not in last:
        return False
    tag = last.split(":", 1)[1]
    return tag != "latest" and re.search(r"\d+\.\d+", tag) is not None


class DockerIgnore:
    """The .dockerignore of the build context: Docker's rules (last match wins, ! re-includes, ** spans dirs)."""

    def __init__(self, text: str):
        self.patterns: list[tuple[re.Pattern, bool, str]] = []
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            pattern = os.path.normpath(line[1:].strip() if negate else line).lstrip("/")
            self.patterns.append((re.compile(self.translate(pattern)), negate, line))

    @staticmethod
    def translate(pattern: str) -> str:
        out, i = "^", 0
        while i < len(pattern):
            c = pattern[i]
            if pattern.startswith("**/", i):
                out += "(?:.*/)?"
                i += 3
                continue
            if pattern.startswith("**", i):
                out += ".*"
                i += 2
                continue
            out += {"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c))
            i += 1
        return out + "$"

    def excluded(self, path: str) -> str | None:
        """The pattern that excludes `path` (or one of its parent directories), else None."""
        path = os.path.normpath(path)
        parts = path.split("/")
        candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
        verdict = None
        for regex, negate, line in self.patterns:
            if any(regex.match(candidate) for candidate in candidates):
                verdict = None if negate else line
        return verdict


def check_dockerfile(repo: Repo, result: Result, dockerfile_path: str, one_shot: bool, group: str,
                     modules: dict[str, MavenModule], ignore: DockerIgnore,
                     build_args: dict[str, str]) -> Dockerfile | None:
    if not repo.exists(dockerfile_path):
        return None
    dockerfile = parse_dockerfile(dockerfile_path, repo.text(dockerfile_path), build_args)
    where = dockerfile_path
    if not dockerfile.stages:
        result.fail("dockerfile-user", f"{where}: no FROM")
        return dockerfile
    if dockerfile.syntax and not pinned(dockerfile.syntax):
        result.fail("image-pinned", f"{where}: '# syntax={dockerfile.syntax}' is not pinned to a version")
    names = set()
    for stage in dockerfile.stages:
        image = stage.image
        if image in names or image == "scratch":
            pass
        else:
            resolved = re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?",
                              lambda m: dockerfile.global_args.get(m.group(1), m.group(0)), image)
            if "$" in resolved or not pinned(resolved):
                result.fail("image-pinned", f"{where}: FROM {image} is not pinned (needs a version tag like "
                                            "25.0.3_9-jre-noble or a @sha256 digest)")
        if stage.name:
            names.add(stage.name)
        for instruction in stage.instructions:
            if instruction.keyword not in ("COPY", "ADD"):
                continue
            sources, flags = copy_sources(instruction)
            if "from" in flags:
                source_stage = flags["from"]
                if source_stage not in names and not source_stage.isdigit() and not pinned(source_stage):
                    result.fail("dockerfile-copy", f"{where}:{instruction.line}: COPY --from={source_stage} names "
                                                   "neither an earlier stage nor a pinned image")
                continue
            for source in sources:
                if re.match(r"^[a-z]+://", source):
                    result.fail("dockerfile-copy", f"{where}:{instruction.line}: {instruction.keyword} of a URL "
                                                   f"({source}); only repository files are allowed")
                    continue
                rel = os.path.normpath(source)
                matches = repo.glob(rel) if any(ch in rel for ch in "*?[") else ([rel] if repo.exists(rel) else [])
                if not matches:
                    result.fail("dockerfile-copy", f"{where}:{instruction.line}: {instruction.keyword} {source}: "
                                                   "no such file in the repository (the build context is its root)")
                    continue
                for match in matches:
                    pattern = ignore.excluded(match)
                    if pattern:
                        result.fail("dockerfile-copy", f"{where}:{instruction.line}: {instruction.keyword} {source}: "
                                                       f"excluded from the build context by .dockerignore ({pattern})")
    # The final stage's user.
    users = [i.args for i in dockerfile.final.instructions if i.keyword == "USER"]
    if not users:
        result.fail("dockerfile-user", f"{where}: the final stage has no USER (it would run as the base image's "
                                       "user, root)")
    elif users[-1].split(":")[0] in ("root", "0", ""):
        result.fail("dockerfile-user", f"{where}: the final stage runs as {users[-1]!r}")
    # Health check of the image.
    health = [i.args for i in dockerfile.final.instructions if i.keyword == "HEALTHCHECK"]
    if one_shot:
        if health and health[-1].upper() != "NONE":
            result.fail("dockerfile-health", f"{where}: a one-shot job's image declares a HEALTHCHECK")
    elif not health or health[-1].upper() == "NONE":
        result.fail("dockerfile-health", f"{where}: the final stage has no HEALTHCHECK")
    elif LIVENESS_PATH not in health[-1]:
        result.fail("dockerfile-health", f"{where}: the HEALTHCHECK does not probe {LIVENESS_PATH} (a readiness "
                                         "check would mark the container unhealthy whenever DynamoDB is slow)")
    # The Maven build stage: everything the reactor and -pl X -am need.
    for stage in dockerfile.stages:
        runs = [i for i in stage.instructions if i.keyword == "RUN" and "mvnw" in i.args]
        if not runs:
            continue
        copied = set()
        for instruction in stage.instructions:
            if instruction.keyword in ("COPY", "ADD"):
                sources, flags = copy_sources(instruction)
                if "from" not in flags:
                    copied |= {os.path.normpath(s) for s in sources}

        def has(rel: str) -> bool:
            rel = os.path.normpath(rel)
            parts = rel.split("/")
            return "." in copied or any("/".join(parts[:n]) in copied for n in range(1, len(parts) + 1))

        for needed in ("mvnw", ".mvn", "pom.xml"):
            if not has(needed):
                result.fail("dockerfile-reactor", f"{where}: the build stage does not copy {needed}")
        for module in modules:
            if not has(f"{module}/pom.xml"):
                result.fail("dockerfile-reactor", f"{where}: the build stage does not copy {module}/pom.xml "
                                                  "(Maven reads every module of the reactor, even with -pl)")
        for run in runs:
            selected = re.search(r"(?:-pl|--projects)[ =]([A-Za-z0-9_.,-]+)", run.args)
            if not selected:
                result.fail("dockerfile-reactor", f"{where}:{run.line}: the Maven build selects no module (-pl)")
                continue
            for target in selected.group(1).split(","):
                if target not in modules:
                    result.fail("dockerfile-reactor", f"{where}:{run.line}: -pl {target} is not a reactor module")
                    continue
                for needed in sorted(also_make(group, modules, target)):
                    if not has(f"{needed}/src"):
                        result.fail("dockerfile-reactor", f"{where}: the build stage does not copy {needed}/src "
                                                          f"(-pl {target} -am builds {needed})")
    return dockerfile


def build_arguments(build: dict) -> dict[str, str]:
    args = build.get("args") or {}
    if isinstance(args, list):
        pairs = [item.split("=", 1) for item in args]
        return {p[0]: (p[1] if len(p) > 1 else "") for p in pairs}
    return {k: "" if v is None else str(v) for k, v in args.items()}


def service_environment(service: dict) -> dict[str, str]:
    environment = service.get("environment") or {}
    if isinstance(environment, list):
        pairs = [item.split("=", 1) for item in environment]
        return {p[0]: (p[1] if len(p) > 1 else "") for p in pairs}
    return {k: "" if v is None else str(v) for k, v in environment.items()}


def depends_on(service: dict) -> dict[str, str]:
    value = service.get("depends_on") or {}
    if isinstance(value, list):
        return {name: "service_started" for name in value}
    return {name: (spec or {}).get("condition", "service_started") for name, spec in value.items()}


def health_disabled(service: dict) -> bool:
    health = service.get("healthcheck")
    if not health or health.get("disable"):
        return True
    test = health.get("test")
    return not test or test == ["NONE"] or test == "NONE"


def profiled_tools(services: dict[str, dict]) -> set[str]:
    """One-shot tools under a profile (the k6 load tests): `up` never starts them and nothing waits for them;
    `docker compose --profile P run` runs them once and returns their exit status. They need no health check,
    as long as they say they run once (an explicit restart "no") and no service depends on them."""
    awaited = {dep for s in services.values() for dep in depends_on(s)}
    return {name for name, service in services.items()
            if service.get("profiles") and str(service.get("restart")) == "no" and name not in awaited}
def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def memory_limit(service: dict):
    return service.get("mem_limit") or (((service.get("deploy") or {}).get("resources") or {})
                                        .get("limits") or {}).get("memory")


def check_model(repo: Repo, files: list[str], schema: dict, result: Result):
    label = " + ".join(files)
    errors: list[str] = []
    model: dict = {}
    validator = jsonschema.Draft7Validator(schema)
    for rel in files:
        try:
            raw = yaml.load(repo.text(rel), Loader=ComposeLoader) or {}
        except (yaml.YAMLError, OSError) as e:
            result.fail("schema", f"{rel}: cannot read: {e}")
            return
        document = interpolate(raw, {}, errors, rel)
        plain = json.loads(json.dumps(document, default=lambda o: None))
        for error in sorted(validator.iter_errors(plain), key=lambda e: list(e.absolute_path)):
            path = ".".join(str(p) for p in error.absolute_path) or "(top)"
            result.fail("schema", f"{rel}: {path}: {error.message}")
        model = merge(model, document)
    for error in errors:
        result.fail("schema", error)
    merged = json.loads(json.dumps(model, default=lambda o: None))
    if len(files) > 1:
        for error in validator.iter_errors(merged):
            path = ".".join(str(p) for p in error.absolute_path) or "(top)"
            result.fail("schema", f"{label} (merged): {path}: {error.message}")
    services: dict[str, dict] = merged.get("services") or {}
    for name, service in services.items():
        durations = [(f"healthcheck.{k}", (service.get("healthcheck") or {}).get(k))
                     for k in ("interval", "timeout", "start_period", "start_interval")]
        durations.append(("stop_grace_period", service.get("stop_grace_period")))
        for key, value in durations:
            if value is not None and not DURATION.match(str(value)):
                result.fail("schema", f"{label}: {name}.{key}: {value!r} is not a duration (e.g. 5s, 1m30s)")

    group, modules = reactor(repo)
    ignore = DockerIgnore(repo.text(".dockerignore") if repo.exists(".dockerignore") else "")

    # Who is one-shot: what others wait for with service_completed_successfully.
    one_shot = {dep for s in services.values() for dep, condition in depends_on(s).items()
                if condition == "service_completed_successfully"}
    long_running = [n for n in services if n not in one_shot and n not in profiled_tools(services)]

    # Images, builds and the module behind each built service.
    module_of: dict[str, str] = {}
    dockerfiles: dict[str, Dockerfile] = {}
    for name, service in services.items():
        build = service.get("build")
        image = service.get("image")
        if build is None:
            if not image:
                result.fail("build", f"{label}: {name} has neither image nor build")
            elif not pinned(image):
                result.fail("image-pinned", f"{label}: {name}: image {image} is not pinned (needs a version tag "
                                            "with major.minor, e.g. 4.14.0, or a @sha256 digest)")
            continue
        if image and not pinned(image) and ":" in image.rsplit("/", 1)[-1] and image.endswith(":latest"):
            result.fail("image-pinned", f"{label}: {name}: built image tagged {image}")
        if isinstance(build, str):
            build = {"context": build}
        context = os.path.normpath(build.get("context", "."))
        dockerfile = os.path.normpath(os.path.join(context, build.get("dockerfile", "Dockerfile")))
        if context != ".":
            result.fail("build", f"{label}: {name}: build.context is {build.get('context')!r}; the images are "
                                 "built with the repository root as context")
        if not repo.exists(dockerfile):
            result.fail("build", f"{label}: {name}: {dockerfile} does not exist")
            continue
        build_args = build_arguments(build)
        # The shared service Dockerfile names its module by the MODULE build argument; a module's own
        # Dockerfile (local-aws) by its directory.
        module = build_args.get("MODULE") or (dockerfile.split("/")[0] if "/" in dockerfile else None)
        if module not in modules:
            result.fail("build", f"{label}: {name}: {dockerfile} builds no module of the reactor (pass "
                                 "build.args.MODULE, or keep the Dockerfile in its module's directory)")
            continue
        module_of[name] = module
        parsed = check_dockerfile(repo, result, dockerfile, name in one_shot, group, modules, ignore, build_args)
        if parsed:
            for arg, has_default in sorted(declared_args(parsed).items()):
                if not has_default and arg not in build_args:
                    result.fail("build", f"{label}: {name}: {dockerfile} needs build argument {arg}, which "
                                         "build.args does not pass")
        if parsed:
            dockerfiles[name] = parsed

    # Health checks and the one-shot rules.
    for name in long_running:
        if health_disabled(services[name]):
            result.fail("healthcheck", f"{label}: {name} has no health check (docker compose up --wait could "
                                       "not tell when it is ready)")
        elif name in module_of and LIVENESS_PATH not in " ".join(map(str, as_list(services[name]["healthcheck"]["test"]))):
            result.fail("healthcheck", f"{label}: {name}'s health check does not probe {LIVENESS_PATH} (readiness "
                                       "asks DynamoDB: a slow emulator would make a healthy container unhealthy)")
    for name in one_shot:
        if name not in services:
            continue
        restart = str(services[name].get("restart", "no"))
        if restart != "no":
            result.fail("healthcheck", f"{label}: one-shot {name} has restart {restart!r}; it must run once")
        adopters = [n for n in long_running if depends_on(services[n]).get(name) == "service_completed_successfully"]
        if not adopters:
            result.fail("healthcheck", f"{label}: no long-running service waits for one-shot {name}, so "
                                       "`up --wait` would report its exit as a failure")

    # depends_on targets.
    aliases: dict[str, str] = {}
    for name, service in services.items():
        aliases[name] = name
        networks = service.get("networks") or {}
        if isinstance(networks, dict):
            for spec in networks.values():
                for alias in (spec or {}).get("aliases", []) or []:
                    aliases[alias] = name
    for name, service in services.items():
        for dependency, condition in depends_on(service).items():
            if dependency not in services:
                result.fail("depends-on", f"{label}: {name} depends on unknown service {dependency}")
            elif condition == "service_healthy" and health_disabled(services[dependency]):
                result.fail("depends-on", f"{label}: {name} waits for {dependency} to be healthy, which has no "
                                          "health check")
            elif condition == "service_started" and dependency not in one_shot:
                result.fail("depends-on", f"{label}: {name} depends on {dependency} without a condition; use "
                                          "service_healthy so it starts only once that one is ready")

    # Environment.
    environments = {name: module_environment(repo, group, modules, module) for name, module in module_of.items()}
    provisioners = [n for n in one_shot if module_of.get(n) == "local-aws"]
    for name, service in services.items():
        environment = service_environment(service)
        if name in module_of:
            env = environments[name]
            final = dockerfiles[name].final if name in dockerfiles else None
            image_reads: set[str] = set()
            image_sets: dict[str, str] = {}
            if final:
                for instruction in final.instructions:
                    if instruction.keyword in ("ENTRYPOINT", "CMD", "HEALTHCHECK"):
                        image_reads |= referenced_variables(instruction.args)
                    if instruction.keyword == "ENV":
                        for key, value in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\S+)", instruction.args):
                            image_sets[key] = value.strip('"')
            reads = env.reads | image_reads
            for variable in environment:
                if variable not in reads and not (env.uses_aws and AWS_SERVICE_ENDPOINT.match(variable)):
                    result.fail("env-read", f"{label}: {name} sets {variable}, which {module_of[name]} does not read "
                                            "(not a placeholder or key of its application.yml, not an AWS SDK or JVM "
                                            "variable, not read by its image)")
            for variable in image_sets:
                if variable not in reads:
                    result.fail("env-read", f"{dockerfiles[name].path}: ENV {variable} is not read by {module_of[name]}")
            effective = {**image_sets, **environment}
            for variable, reason in sorted(env.required.items()):
                if variable not in effective:
                    result.fail("env-required", f"{label}: {name} must set {variable}: {reason}")
            if env.uses_aws:
                if "AWS_ENDPOINT_URL" not in effective:
                    result.fail("env-required", f"{label}: {name} uses AWS but sets no AWS_ENDPOINT_URL: it would "
                                                "call real AWS from a laptop")
                else:
                    for variable in ("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
                        if variable not in effective:
                            result.fail("env-required", f"{label}: {name} talks to an emulator but sets no {variable}"
                                                        " (the SDK would look for real ones)")
                    if name not in one_shot and not any(
                            depends_on(service).get(p) == "service_completed_successfully" for p in provisioners):
                        result.fail("depends-on", f"{label}: {name} uses AWS resources but does not wait for the "
                                                  "provisioner (service_completed_successfully)")
        # URLs name a compose service and its container port.
        for variable, value in environment.items():
            match = URL.match(value)
            if not match:
                continue
            host, port = match.group(2), match.group(3) or ("443" if match.group(1) == "https" else "80")
            if host not in aliases:
                result.fail("env-url", f"{label}: {name}: {variable}={value}: {host} is not a service of this file")
                continue
            target = aliases[host]
            ports = container_ports(services[target], target, environments, dockerfiles)
            if ports and port not in ports:
                result.fail("env-url", f"{label}: {name}: {variable}={value}: {target} listens on "
                                       f"{', '.join(sorted(ports))}, not {port}")
            if depends_on(service).get(target) not in ("service_healthy", "service_completed_successfully"):
                result.fail("depends-on", f"{label}: {name} calls {target} ({variable}) but does not wait for it "
                                          "to be healthy")

    # Hardening.
    host_ports: dict[str, str] = {}
    for name, service in services.items():
        if not memory_limit(service):
            result.fail("hardening", f"{label}: {name} has no memory limit (mem_limit)")
        if not any(str(o).replace("=", ":") in ("no-new-privileges:true", "no-new-privileges")
                   for o in service.get("security_opt") or []):
            result.fail("hardening", f"{label}: {name} lacks security_opt no-new-privileges:true")
        if service.get("privileged"):
            result.fail("hardening", f"{label}: {name} is privileged")
        if name in module_of:
            if service.get("read_only") is not True:
                result.fail("hardening", f"{label}: {name} is not read_only")
            tmpfs = service.get("tmpfs") or []
            tmpfs = [tmpfs] if isinstance(tmpfs, str) else tmpfs
            if not any(str(t).split(":")[0] == "/tmp" for t in tmpfs):
                result.fail("hardening", f"{label}: {name} is read_only but has no tmpfs /tmp (the JVM and Tomcat "
                                         "write there)")
            if "ALL" not in [str(c).upper() for c in service.get("cap_drop") or []]:
                result.fail("hardening", f"{label}: {name} does not drop all capabilities (cap_drop: [ALL])")
            if service.get("cap_add"):
                result.fail("hardening", f"{label}: {name} adds capabilities")
        for published in service.get("ports") or []:
            host = published_host_port(published)
            if host:
                if host in host_ports:
                    result.fail("hardening", f"{label}: host port {host} is published by {host_ports[host]} and "
                                             f"{name}")
                host_ports[host] = name
                replicas = ((service.get("deploy") or {}).get("replicas") or 1)
                if replicas > 1:
                    result.fail("hardening", f"{label}: {name} has {replicas} replicas but publishes host port "
                                             f"{host}, which only one of them can bind")


def container_ports(service: dict, name: str, environments: dict[str, ModuleEnvironment],
                    dockerfiles: dict[str, Dockerfile]) -> set[str]:
    ports = set()
    for published in service.get("ports") or []:
        if isinstance(published, dict):
            ports.add(str(published.get("target")))
        else:
            ports.add(str(published).split("/")[0].split(":")[-1])
    ports |= {str(p).split("/")[0] for p in service.get("expose") or []}
    if name in environments:
        environment = service_environment(service)
        port = environment.get("SERVER_PORT")
        if port is None and name in dockerfiles:
            for instruction in dockerfiles[name].final.instructions:
                found = re.search(r"\bSERVER_PORT=(\d+)", instruction.args) if instruction.keyword == "ENV" else None
                if found:
                    port = found.group(1)
        if port is None:
            port = environments[name].defaults.get("SERVER_PORT")
        if port:
            ports.add(str(port))
    return ports


def published_host_port(published) -> str | None:
    if isinstance(published, dict):
        return str(published["published"]) if published.get("published") else None
    parts = str(published).split("/")[0].split(":")
    return parts[-2] if len(parts) >= 2 else None


def run_checks(repo: Repo, models: list[list[str]]) -> Result:
    schema = json.loads(repo.text(SCHEMA_FILE))
    result = Result()
    for files in models:
        missing = [f for f in files if not repo.exists(f)]
        if missing:
            result.fail("schema", f"missing compose file(s): {', '.join(missing)}")
            continue
        check_model(repo, files, schema, result)
    for check in CHECKS:  # the same file can be reported once per model: keep each message once
        result.failures[check] = list(dict.fromkeys(result.failures[check]))
    return result


# ------------------------------------------------------------------------------------------- self-test

def self_test(root: Path, models: list[list[str]], verbose: bool) -> int:
    """Each fixture edits the real files (exact text replacements) and names the check that must then fail."""
    cases = sorted((root / FIXTURES_DIR).glob("*.yml"))
    passed, failed = 0, 0
    proven: set[str] = set()
    for case_file in cases:
        overrides: dict[str, str] = {}
        problem = None
        try:
            case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
            edits, expected = case["edits"], case["expect"]
        except (yaml.YAMLError, KeyError, TypeError) as e:
            failed += 1
            print(f"  FAIL {case_file.name}: not a fixture ({e})")
            continue
        for edit in edits:
            rel = edit["file"]
            text = overrides.get(rel)
            if text is None:
                text = (root / rel).read_text(encoding="utf-8") if (root / rel).exists() else ""
            if "replace" in edit:
                if edit["replace"] not in text:
                    problem = f"fixture no longer applies: {rel} does not contain {edit['replace']!r}"
                    break
                text = text.replace(edit["replace"], edit["with"], 1)
            elif "append" in edit:
                text += edit["append"]
            overrides[rel] = text
        if problem is None:
            result = run_checks(Repo(root, overrides), case.get("models", models))
            if expected not in result.failed:
                problem = f"expected check {expected} to fail; failed: {result.failed or 'none'}"
            else:
                proven.add(expected)
                detail = result.failures[expected][0]
        name = case_file.name
        if problem:
            failed += 1
            print(f"  FAIL {name}: {problem}")
        else:
            passed += 1
            print(f"  ok   {name}: {case['expect']} fails" + (f" ({detail})" if verbose else ""))
    unproven = [c for c in CHECKS if c not in proven]
    if unproven:
        failed += 1
        print(f"  FAIL no fixture shows that these checks can fail: {', '.join(unproven)}")
    print(f"self-test: {passed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--compose", action="append", metavar="FILE",
                        help="check this model (repeat to merge overrides); default: the base file, and the base "
                             "file with each override")
    parser.add_argument("--self-test", action="store_true", help="also prove with the fixtures that each check fails")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    models = [args.compose] if args.compose else DEFAULT_MODELS
    result = run_checks(Repo(root), models)
    for check in CHECKS:
        messages = result.failures[check]
        print(f"  {'FAIL' if messages else 'ok  '} {check}")
        for message in messages:
            print(f"       - {message}")
    passed = len(CHECKS) - len(result.failed)
    print(f"compose-check: {passed} passed, {len(result.failed)} failed "
          f"({'; '.join(' + '.join(m) for m in models)})")
    status = 1 if result.failed else 0
    if args.self_test:
        status |= self_test(root, models, args.verbose)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
