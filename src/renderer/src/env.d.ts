// import.meta.glob (the bundled voice clips) and asset imports are typed by Vite.
/// <reference types="vite/client" />
