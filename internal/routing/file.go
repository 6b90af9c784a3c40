package routing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/northstar/northstar/internal/apperr"
)

// A routes file declares routes for `northstar routes apply`:
//
//	routes:
//	  - resourceKind: chat_bus
//	    tenantId: t_system
//	    env: prod
//	    backendType: redis
//	    config:
//	      address: redis.internal:6379
//	    secretRefs:
//	      - password=file:///run/secrets/redis-password
//
// Scalar values may use ${name} placeholders filled from the variables given to
// ParseFile (never from the environment).

// maxFileSize bounds a routes file.
const maxFileSize = 1 << 20

var placeholder = regexp.MustCompile(`\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}`)

// FileError is a problem in a routes file, located by line.
type FileError struct {
	Line  int
	Field string
	Msg   string
}

func (e *FileError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Msg)
}

// ParseFile parses and validates a routes file. Every route is checked; the error names
// the line and field of the first problem.
func ParseFile(data []byte, vars map[string]string) ([]Route, error) {
	if len(data) > maxFileSize {
		return nil, &FileError{Line: 1, Msg: fmt.Sprintf("file is larger than %d bytes", maxFileSize)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, &FileError{Line: 1, Msg: "empty file: want a top-level routes list"}
	} else if err != nil {
		return nil, yamlError(err)
	}
	if len(doc.Content) == 0 {
		return nil, &FileError{Line: 1, Msg: "empty file: want a top-level routes list"}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &FileError{Line: top.Line, Msg: "want a mapping with a routes list"}
	}
	var list *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value != "routes" {
			return nil, &FileError{Line: k.Line, Field: k.Value, Msg: "unknown key (want routes)"}
		}
		list = v
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, &FileError{Line: top.Line, Field: "routes", Msg: "want a list of routes"}
	}
	routes := make([]Route, 0, len(list.Content))
	seen := map[Key]int{}
	for i, item := range list.Content {
		r, err := parseRoute(item, fmt.Sprintf("routes[%d]", i), vars)
		if err != nil {
			return nil, err
		}
		if line, dup := seen[r.Key()]; dup {
			return nil, &FileError{Line: item.Line, Field: fmt.Sprintf("routes[%d]", i), Msg: fmt.Sprintf("%s is already declared on line %d", r.Key(), line)}
		}
		seen[r.Key()] = item.Line
		routes = append(routes, r)
	}
	return routes, nil
}

func parseRoute(n *yaml.Node, path string, vars map[string]string) (Route, error) {
	if n.Kind != yaml.MappingNode {
		return Route{}, &FileError{Line: n.Line, Field: path, Msg: "want a mapping"}
	}
	var r Route
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := path + "." + k.Value
		if _, dup := lines[k.Value]; dup {
			return Route{}, &FileError{Line: k.Line, Field: field, Msg: "given twice"}
		}
		lines[k.Value] = v.Line
		var err error
		switch k.Value {
		case "resourceKind":
			r.ResourceKind, err = scalar(v, field, vars)
		case "tenantId":
			r.TenantID, err = scalar(v, field, vars)
		case "env":
			r.Env, err = scalar(v, field, vars)
		case "projectId":
			r.ProjectID, err = scalar(v, field, vars)
		case "backendType":
			r.BackendType, err = scalar(v, field, vars)
		case "config":
			r.Config, err = stringMap(v, field, vars)
		case "secretRefs":
			r.SecretRefs, err = stringList(v, field, vars)
		default:
			err = &FileError{Line: k.Line, Field: field, Msg: "unknown field (want resourceKind, tenantId, env, projectId, backendType, config, secretRefs)"}
		}
		if err != nil {
			return Route{}, err
		}
	}
	if err := Validate(&r); err != nil {
		return Route{}, validationError(err, n, path, lines)
	}
	return r, nil
}

// validationError locates Validate's error in the file: on the line of the field at fault
// (a config key's error sits on the config mapping), or of the route itself when that
// field is absent.
func validationError(err error, route *yaml.Node, path string, lines map[string]int) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return &FileError{Line: route.Line, Field: path, Msg: apperr.MessageOf(err)}
	}
	top, _, _ := strings.Cut(fe.Field, ".")
	line, ok := lines[top]
	if !ok {
		line = route.Line
	}
	return &FileError{Line: line, Field: path + "." + fe.Field, Msg: fe.Message}
}

func scalar(n *yaml.Node, field string, vars map[string]string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", &FileError{Line: n.Line, Field: field, Msg: "want a single value"}
	}
	var missing string
	out := placeholder.ReplaceAllStringFunc(n.Value, func(m string) string {
		name := placeholder.FindStringSubmatch(m)[1]
		v, ok := vars[name]
		if !ok && missing == "" {
			missing = name
		}
		return v
	})
	if missing != "" {
		return "", &FileError{Line: n.Line, Field: field, Msg: fmt.Sprintf("no value for ${%s} (pass --var %s=VALUE)", missing, missing)}
	}
	return out, nil
}

func stringMap(n *yaml.Node, field string, vars map[string]string) (map[string]string, error) {
	if n.Kind != yaml.MappingNode {
		return nil, &FileError{Line: n.Line, Field: field, Msg: "want a mapping of strings"}
	}
	out := make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if _, dup := out[k.Value]; dup {
			return nil, &FileError{Line: k.Line, Field: field + "." + k.Value, Msg: "given twice"}
		}
		v, err := scalar(n.Content[i+1], field+"."+k.Value, vars)
		if err != nil {
			return nil, err
		}
		out[k.Value] = v
	}
	return out, nil
}

func stringList(n *yaml.Node, field string, vars map[string]string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, &FileError{Line: n.Line, Field: field, Msg: "want a list of strings"}
	}
	out := make([]string, 0, len(n.Content))
	for i, item := range n.Content {
		v, err := scalar(item, fmt.Sprintf("%s[%d]", field, i), vars)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: …") into a FileError.
//
// It parses the line out of the message because yaml.v3 offers nothing structured for a
// syntax error: the parser builds it with fmt.Errorf("yaml: line %d: %s", …) and keeps its
// marks to itself.
func yamlError(err error) error {
	var line int
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		_, msg, _ = strings.Cut(msg, ": ")
	} else {
		line = 1
	}
	return &FileError{Line: line, Msg: msg}
}
