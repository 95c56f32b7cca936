package ddft_test

import (
	"context"
	"fmt"
	"math"

	"github.com/physim/physim/integrators/ddft"
	"github.com/physim/physim/potentials/functional"
)

// Hard rods between two hard walls at βμ = 2: the middle of a wide slit is
// bulk (ρ_b = 0.608939) and the contact density is βP = 1.557146.
func ExampleGrandCanonical() {
	g, _ := functional.GridFor(20, 0.01, false)
	rods, _ := functional.NewPercus(g, 1)
	eq, err := ddft.GrandCanonical(ddft.System{Excess: rods}, 2, ddft.EquilibriumSettings{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("ρ(L/2) = %.4f, ρ(contact) = %.3f\n", eq.Rho[g.N/2], (3*eq.Rho[0]-eq.Rho[1])/2)
	// Output: ρ(L/2) = 0.6089, ρ(contact) = 1.557
}

// The main job's functional, built from names and numbers, relaxing from a
// uniform profile in a cosine potential; the particle number is conserved.
func ExampleDDFT_Run() {
	g, _ := functional.GridFor(5, 0.025, true)
	f, _ := functional.New(g, functional.Spec{HardSpheres: "whitebear2", Attraction: "barker-henderson", Cutoff: 4, KT: 2})
	V := potential(func(z, t float64) (float64, float64) {
		return math.Cos(2 * math.Pi * z / 5), -2 * math.Pi / 5 * math.Sin(2*math.Pi*z/5)
	})
	d, err := ddft.New(ddft.System{Excess: f, V: V, KT: 2, Static: true},
		ddft.Settings{D: 0.25, Scheme: ddft.Spectral, Adaptive: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	rho := make([]float64, g.N)
	for i := range rho {
		rho[i] = 0.6
	}
	_, err = d.Run(context.Background(), rho, 0, 1, ddft.Frames{Every: 0.5, Observe: func(t float64, r []float64) error {
		fmt.Printf("t = %.1f τ: N/A = %.6f σ⁻², ρ(0) = %.3f\n", t, g.Integral(r), r[0])
		return nil
	}})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// t = 0.0 τ: N/A = 3.000000 σ⁻², ρ(0) = 0.600
	// t = 0.5 τ: N/A = 3.000000 σ⁻², ρ(0) = 0.565
	// t = 1.0 τ: N/A = 3.000000 σ⁻², ρ(0) = 0.554
}

type potential func(z, t float64) (float64, float64)

func (p potential) VdV(z, t float64) (float64, float64) { return p(z, t) }
