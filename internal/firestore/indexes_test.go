package firestore

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/northstar/northstar/internal/audit"
	"github.com/northstar/northstar/internal/chat"
	"github.com/northstar/northstar/internal/documents"
	"github.com/northstar/northstar/internal/routing"
)

// indexedTypes are the records stored in each collection group that
// firestore.indexes.json names.
var indexedTypes = map[string]reflect.Type{
	"audit":            reflect.TypeFor[audit.Event](),
	"messages":         reflect.TypeFor[chat.Message](),
	"routes":           reflect.TypeFor[routing.Route](),
	"sessions":         reflect.TypeFor[sessionDoc](),
	"trustedDocuments": reflect.TypeFor[documents.Document](),
}

// TestIndexConfig checks firestore.indexes.json, which the emulator ignores, against the
// code: every collection it names is one this package uses, every field its composite
// indexes and its exemptions name is a stored field of that collection's record (a
// rename cannot leave the file behind), and no exempted field is one this package
// filters or orders on (production would refuse the query). Queries name their fields
// as literals, which is what the scan reads.
func TestIndexConfig(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "firestore.indexes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var config struct {
		Indexes []struct {
			CollectionGroup string `json:"collectionGroup"`
			Fields          []struct {
				FieldPath string `json:"fieldPath"`
			} `json:"fields"`
		} `json:"indexes"`
		FieldOverrides []struct {
			CollectionGroup string            `json:"collectionGroup"`
			FieldPath       string            `json:"fieldPath"`
			Indexes         []json.RawMessage `json:"indexes"`
		} `json:"fieldOverrides"`
	}
	if err := json.Unmarshal(raw, &config); err != nil {
		t.Fatalf("firestore.indexes.json: %v", err)
	}
	queried, collections := scanSources(t)
	stored := func(group, path string) {
		t.Helper()
		typ, ok := indexedTypes[group]
		if !ok {
			t.Errorf("collection group %q: no record type known to this test", group)
			return
		}
		if !slices.Contains(collections, group) {
			t.Errorf("collection group %q: no collection of this package has that id", group)
		}
		if path != "__name__" && !hasField(typ, strings.Split(path, ".")) {
			t.Errorf("collection group %q: %s has no stored field %q", group, typ, path)
		}
	}
	for _, ix := range config.Indexes {
		for _, f := range ix.Fields {
			stored(ix.CollectionGroup, f.FieldPath)
		}
	}
	for _, o := range config.FieldOverrides {
		stored(o.CollectionGroup, o.FieldPath)
		if len(o.Indexes) > 0 {
			t.Errorf("%s.%s: an override that keeps indexes; this file only exempts fields", o.CollectionGroup, o.FieldPath)
		}
		if slices.Contains(queried, o.FieldPath) {
			t.Errorf("%s.%s is exempt from indexing, but a query of this package filters or orders on %q", o.CollectionGroup, o.FieldPath, o.FieldPath)
		}
	}
	if len(config.FieldOverrides) == 0 {
		t.Error("no field is exempt from indexing")
	}
}

// hasField reports whether the record type typ stores the field path (Firestore names,
// embedded structs flattened).
func hasField(typ reflect.Type, path []string) bool {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct {
		return false
	}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("firestore"), ",")
		switch {
		case name == "-":
		case f.Anonymous && name == "":
			if hasField(f.Type, path) {
				return true
			}
		case name == path[0] || (name == "" && f.Name == path[0]):
			return len(path) == 1 || hasField(f.Type, path[1:])
		}
	}
	return false
}

// scanSources lists the fields this package's queries filter or order on, and the
// collection ids it names (Collection("id"), or sub(tenant, "id") for a tenant's).
func scanSources(t *testing.T) (queried, collections []string) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	query := regexp.MustCompile(`\b(?:Where|OrderBy)\("([^"]+)"`)
	collection := regexp.MustCompile(`\b(?:Collection\(|sub\([^,()]+, )"([^"]+)"\)`)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range query.FindAllSubmatch(src, -1) {
			queried = append(queried, string(m[1]))
		}
		for _, m := range collection.FindAllSubmatch(src, -1) {
			collections = append(collections, string(m[1]))
		}
	}
	if len(queried) == 0 || len(collections) == 0 {
		t.Fatal("found no query or no collection in this package's sources")
	}
	return queried, collections
}
