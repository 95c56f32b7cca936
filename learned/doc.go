// Package learned holds neural networks that plug into physim's contracts.
// It provides the neural excess free-energy functional of the planar
// Lennard-Jones fluid, trained by pair-correlation matching on physim's
// own bulk data (package scenarios/pcmdata) and used unchanged in cDFT and
// DDFT through the functional.Functional interface.
//
// Entry points: Default returns the shipped model (models/, embedded) on
// its grid; LoadFunctional a model file; TrainFromDataset trains one from a
// data set directory (what `physim train functional` runs); Train the same
// in memory. A model file is versioned JSON holding the grid (cells,
// spacing, length, periodicity), kT, the LJ cutoff, the architecture, the
// parameters, the base functional and the training provenance (data set
// path, SHA-256, seed, settings, errors); loading it for another grid or
// temperature is an error.
//
// # Base and correction
//
// The default model is a correction to a classical functional,
//
//	βF_exc = βF_WBII+MF[ρ] + βF_NN[ρ],
//
// trained on the data minus the base (White Bear II hard spheres plus
// Barker–Henderson mean field, the neural-DDFT study's baseline): the
// network supplies what the base gets wrong in the bulk (βμ_ex and c2),
// while the base's hard-sphere structure carries the response far from the
// bulk, where pair-correlation matching says nothing. A pure network
// (TrainSettings.Base = &functional.Spec{}) learns the bulk as well, but in
// cDFT on the held-out random potentials it is no better than WBII + MF
// (mean RMSE 0.0145 against 0.0125 σ⁻³), while the corrected one halves
// WBII + MF's error (0.0061 against 0.0125, at the noise of the reference
// profiles).
//
// # The network
//
// βF_NN[ρ] is a sum of local free-energy densities of weighted densities,
//
//	βF_NN = Δz Σ_i [φ(n(z_i)) − φ(0)],  n_α(z_i) = Σ_j t_α(j) ρ(z_i − jΔz),
//
// with K even kernels t_α(j) = Δz·w_α(jΔz), w_α(z) = Σ_p A_αp b_p(z) over an
// even basis of cubic B-splines on |z| ≤ R, and φ a two-layer tanh
// perceptron of the K weighted densities. The form is translation
// invariant, periodic and local (range 2R), so that
//
//   - −c1 = δβF/δρ = Σ_α t_α ⋆ ∂φ/∂n_α comes from one derivative,
//   - −c2 = δ²βF/δρδρ' = Σ_αβ t_α ⋆ [∂²φ/∂n_α∂n_β] ⋆ t_β is symmetric by
//     construction, and in the bulk it is the circulant with spectrum
//     −ĉ(k) = Ŵ(k)ᵀ ∇²φ(n̄) Ŵ(k), Ŵ_α(k) = Σ_j t_α(j) cos(kjΔz),
//   - the bulk limit is explicit: n̄ = ρ Ŵ(0), βf_ex = φ(n̄) − φ(0),
//     βμ_ex = Ŵ(0)·∇φ(n̄).
//
// # Training and autodiff
//
// The loss is pair-correlation matching on the bulk states of the data set:
// (−c1(ρ_b) − βμ_ex)² plus the squared distance of the bulk Hessian row
// from −c2_planar(z), computed through Parseval as a weighted sum over
// wavenumbers 0 ≤ k ≤ k_max of the row's transform against the transform
// of the target row. Training builds this loss as a gorgonia graph and
// uses gorgonia's reverse mode for the gradient with respect to the
// parameters, and its Adam solver.
//
// Gorgonia v0.9.18 cannot take the gradient of a gradient correctly: a
// node caches the derivative of the first cost it was differentiated for
// and reuses it for any later cost (Backpropagate, "previously
// differentiated"), so grad-of-grad runs but is wrong — for a tanh MLP
// force-matching loss it returned 7.50 where finite differences give 7.25.
// The first and second derivatives of φ with respect to its inputs, which
// the loss needs, are therefore written out as graph expressions (for the
// two-layer tanh MLP: ∇φ = W1ᵀ[(W2ᵀ(w3 ⊙ D2)) ⊙ D1], D = 1 − tanh², and
// the second directional derivative along Ŵ(k)), and gorgonia
// differentiates only once, through them. (Its tape machine also reuses
// the memory of intermediate nodes, so their values are taken with
// gorgonia.Read.) Tests hold these expressions,
// the plain-Go functional and the parameter gradient equal to finite
// differences.
//
// At run time the functional is plain Go: FFT convolutions (gonum) and a
// hand-written forward, backward and Hessian-vector pass of φ, allocation
// free.
package learned
