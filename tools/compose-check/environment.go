package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// What a module reads from its environment, and what it must be given in a container (docs/containers.md:
// "Which variables a service reads"). A variable counts as read only if it provably is: a placeholder or the
// environment form of a key in the module's application*.yml/.properties (or those of the reactor modules on
// its runtime class path), a System.getenv literal, the AWS SDK's own variables (when the SDK is on its class
// path) or the JVM's.

// awsSDKVariables: what the AWS SDK for Java 2.x reads itself (SdkSystemSetting, profile and endpoint
// resolution). AWS_ENDPOINT_URL_<SERVICE> is matched by awsServiceEndpoint.
var awsSDKVariables = []string{
	"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE",
	"AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
	"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
	"AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_EC2_METADATA_DISABLED",
	"AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
	"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_DEFAULTS_MODE", "AWS_USE_FIPS_ENDPOINT",
	"AWS_USE_DUALSTACK_ENDPOINT", "AWS_ACCOUNT_ID",
}

var (
	awsServiceEndpoint = regexp.MustCompile(`^AWS_ENDPOINT_URL_[A-Z0-9_]+$`)
	awsGroupIDs        = []string{"software.amazon.awssdk", "io.awspring.cloud"}
	jvmVariables       = []string{"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}
	placeholder        = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.\-]*)(?::([^}]*))?\}`)
	envName            = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	getenv             = regexp.MustCompile(`(?:getenv|env\.get)\(\s*"([A-Z][A-Z0-9_]*)"\s*\)`)
	loopbackURL        = regexp.MustCompile(`://(127\.0\.0\.1|localhost|\[::1\])([:/]|$)`)
	indexSuffix        = regexp.MustCompile(`\[(\d+)\]`)
)

type ModuleEnvironment struct {
	Reads    map[string]bool
	Required map[string]string // variable -> why it must be set in a container
	Defaults map[string]string // placeholder defaults (SERVER_PORT -> 8081)
	UsesAWS  bool
}

func (e *ModuleEnvironment) ReadsVariable(name string) bool {
	return e.Reads[name] || (e.UsesAWS && awsServiceEndpoint.MatchString(name))
}

func ReadModuleEnvironment(repo Repo, reactor *Reactor, module string) (*ModuleEnvironment, error) {
	env := &ModuleEnvironment{Reads: map[string]bool{}, Required: map[string]string{}, Defaults: map[string]string{}}
	for _, v := range jvmVariables {
		env.Reads[v] = true
	}
	closure := sortedKeys(reactor.RuntimeClosure(module))
	for _, name := range closure {
		if err := env.readConfiguration(repo, name); err != nil {
			return nil, err
		}
		for _, source := range repo.FilesUnder(name+"/src/main/java", ".java") {
			text, _ := repo.Text(source)
			for _, match := range getenv.FindAllStringSubmatch(text, -1) {
				env.Reads[match[1]] = true
			}
		}
		for _, d := range reactor.Modules[name].Dependencies {
			env.UsesAWS = env.UsesAWS || (slices.Contains(awsGroupIDs, d.GroupID) && onRuntimeClassPath(d))
		}
	}
	if env.UsesAWS {
		for _, v := range awsSDKVariables {
			env.Reads[v] = true
		}
	}
	return env, nil
}

func (e *ModuleEnvironment) readConfiguration(repo Repo, module string) error {
	resources := module + "/src/main/resources/"
	files := append(repo.Glob(resources+"application*.y*ml"), repo.Glob(resources+"application*.properties")...)
	for _, config := range files {
		text, err := repo.Text(config)
		if err != nil {
			return err
		}
		var values []string
		if strings.HasSuffix(config, ".properties") {
			values = propertyValues(text)
		} else {
			keys, yamlValues, err := yamlKeysAndValues(text)
			if err != nil {
				return fmt.Errorf("%s: %w", config, err)
			}
			values = yamlValues
			for _, key := range keys {
				e.Reads[canonicalEnvName(key)] = true
			}
		}
		e.readPlaceholders(config, strings.Join(values, "\n"))
	}
	return nil
}

func (e *ModuleEnvironment) readPlaceholders(config, values string) {
	for _, match := range placeholder.FindAllStringSubmatchIndex(values, -1) {
		variable := values[match[2]:match[3]]
		if !envName.MatchString(variable) {
			continue
		}
		e.Reads[variable] = true
		if match[4] < 0 {
			e.Required[variable] = fmt.Sprintf("%s has ${%s} without a default", config, variable)
			continue
		}
		def := values[match[4]:match[5]]
		if _, seen := e.Defaults[variable]; !seen {
			e.Defaults[variable] = def
		}
		if loopbackURL.MatchString(def) {
			e.Required[variable] = fmt.Sprintf("its default %q (%s) is a loopback URL, which in a container is the "+
				"container itself", def, config)
		}
	}
}

// propertyValues: the values of a .properties file, without comment lines.
func propertyValues(text string) []string {
	var values []string
	for _, l := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(l)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "!") {
			continue
		}
		if _, value, found := strings.Cut(l, "="); found {
			values = append(values, value)
		}
	}
	return values
}

// yamlKeysAndValues: the flattened keys (a.b[0].c) and the scalar values of every document (so that
// placeholders in comments do not count).
func yamlKeysAndValues(text string) ([]string, []string, error) {
	var keys, values []string
	decoder := yaml.NewDecoder(strings.NewReader(text))
	for {
		var document any
		err := decoder.Decode(&document)
		if errors.Is(err, io.EOF) {
			return keys, values, nil
		}
		if err != nil {
			return nil, nil, err
		}
		flatten("", document, &keys, &values)
	}
}

func flatten(prefix string, value any, keys, values *[]string) {
	switch v := value.(type) {
	case map[string]any:
		for _, key := range sortedKeys(v) {
			flatten(joinKey(prefix, key), v[key], keys, values)
		}
	case map[any]any:
		for key, child := range v {
			flatten(joinKey(prefix, fmt.Sprint(key)), child, keys, values)
		}
	case []any:
		for i, child := range v {
			flatten(fmt.Sprintf("%s[%d]", prefix, i), child, keys, values)
		}
	case nil:
		if prefix != "" {
			*keys = append(*keys, prefix)
		}
	default:
		*keys = append(*keys, prefix)
		*values = append(*values, fmt.Sprint(v))
	}
}

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// canonicalEnvName: Spring Boot's environment-variable form of a property: dots to _, dashes dropped,
// [n] to _n_, upper case. Written here because Spring's own mapping is Java code inside the application
// (SystemEnvironmentPropertyMapper); this is the canonical form its reference documentation gives.
func canonicalEnvName(property string) string {
	name := indexSuffix.ReplaceAllString(property, "_${1}_")
	name = strings.ReplaceAll(strings.ReplaceAll(name, ".", "_"), "-", "")
	return strings.TrimRight(strings.ToUpper(name), "_")
}
