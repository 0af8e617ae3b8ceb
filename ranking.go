package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// saveRanking saves -source in the database. Every name must be a source
// of the file's figures (a misspelt one would silently rank nothing); it
// is saved as the file spells it.
func saveRanking(cfg config, stderr io.Writer) error {
	var rank figures.Ranking
	if len(cfg.ranking) > 0 {
		st, err := store.Open(cfg.db, waitOptions(cfg, stderr, true))
		if err != nil {
			return err
		}
		var known []string
		err = st.Read(func(r *store.Reader) error {
			known, err = r.Sources()
			return err
		})
		st.Close()
		if err != nil {
			return err
		}
		for _, name := range cfg.ranking {
			i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, name) })
			if i < 0 {
				return fmt.Errorf("%w: -source: no figure in %s has the source %q; its sources are: %s", errUsage,
					figures.Sanitize(cfg.db), figures.Sanitize(name), listSources(known))
			}
			rank = append(rank, known[i])
		}
	}
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, false))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetRanking(rank); err != nil {
		return err
	}
	if len(rank) == 0 {
		fmt.Fprintf(stderr, "sources: the default order (exact figures before estimates, then the source covering most months, then by name), saved in %s\n", cfg.db)
		return nil
	}
	clean := make([]string, len(rank))
	for i, r := range rank {
		clean[i] = figures.Sanitize(r)
	}
	fmt.Fprintf(stderr, "sources ranked: %s, then the default order; saved in %s\n", strings.Join(clean, " > "), cfg.db)
	return nil
}

// listSources names the sources of a file for a message, at most ten.
func listSources(known []string) string {
	if len(known) == 0 {
		return "none (the file has no figures)"
	}
	var names []string
	for i, k := range known {
		if i == 10 {
			names = append(names, fmt.Sprintf("and %d more", len(known)-10))
			break
		}
		if k == "" {
			k = "(no source given)"
		}
		names = append(names, strconv.Quote(figures.Sanitize(k)))
	}
	return strings.Join(names, ", ")
}
