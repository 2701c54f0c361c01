// The design tokens are global; imported here too so these pages never render without them.
import '$lib/styles/tokens.css';
import './ticket-form.css';
