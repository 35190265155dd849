// Firely's model has a FHIR "Task" resource; in this project Task always means System.Threading.Tasks.Task.
global using Task = System.Threading.Tasks.Task;
