import './ticket-form.css';
